package io.paperfeed.producer.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperfeed.model.serde.Json;
import java.util.List;
import java.util.Optional;

/**
 * The JSON-lines formats: one JSON object per line, blank lines skipped. A line that is not a JSON
 * object is {@code bad-json} (or {@code binary}); an object whose fields have the wrong types is
 * {@code bad-record}. Each subclass names the fields that identify it and maps an object to a draft.
 */
abstract class JsonLinesFormat implements FeedFormat {

    /** How many non-blank lines detection tries to parse before giving up. */
    private static final int DETECT_LINES = 50;
    private static final ObjectReader READER =
            Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** True when the first JSON object of a file is one of this format's objects. */
    abstract boolean isRecord(ObjectNode object);

    /** Maps one object to a draft (fields null where absent). */
    abstract PaperDraft toDraft(ObjectNode object, int line, String raw) throws BadRecordException;

    @Override
    public boolean matches(FeedText text) {
        int tried = 0;
        for (String line : text.head()) {
            if (line.isBlank()) {
                continue;
            }
            Optional<ObjectNode> object = parseObject(line);
            if (object.isPresent()) {
                return isRecord(object.get());
            }
            if (++tried >= DETECT_LINES) {
                return false;
            }
        }
        return false;
    }

    @Override
    public void parse(FeedText text, ResultCollector out) {
        List<String> lines = text.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int number = i + 1;
            if (TextNormalizer.isBinary(line)) {
                out.reject(number, Reasons.BINARY, "binary junk instead of a JSON line", line);
                continue;
            }
            Optional<ObjectNode> object = parseObject(line);
            if (object.isEmpty()) {
                out.reject(number, Reasons.BAD_JSON, "line is not a JSON object", line);
                continue;
            }
            try {
                out.accept(toDraft(object.get(), number, line));
            } catch (BadRecordException e) {
                out.reject(number, Reasons.BAD_RECORD, e.getMessage(), line);
            }
        }
    }

    private static Optional<ObjectNode> parseObject(String line) {
        try {
            JsonNode node = READER.readTree(line);
            return node instanceof ObjectNode ? Optional.of((ObjectNode) node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A text field: null when absent or JSON null; numbers are taken as text. */
    static String text(ObjectNode o, String field) throws BadRecordException {
        return JsonValues.text(o, field);
    }

    /** A list of texts: a JSON array of strings, or a single string taken as a one-element list. */
    static List<String> texts(ObjectNode o, String field) throws BadRecordException {
        return JsonValues.texts(o, field);
    }

    /** A positive whole number, or null when absent. */
    static Integer number(ObjectNode o, String field) throws BadRecordException {
        return JsonValues.positive(o, field);
    }
}
