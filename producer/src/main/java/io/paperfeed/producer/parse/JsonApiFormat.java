package io.paperfeed.producer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The JSON API formats: one response document holding a list of records (or one record), read by
 * {@link JsonFeedStream}. Each subclass says where its records are, recognises its responses from
 * the head ({@link JsonHead}) and maps one record to a draft.
 *
 * <p>An item's position is its record number in the list (1-based). A record that is not an object,
 * or has a field of the wrong type, is a {@code bad-record} item; the records around it are kept.
 * A document that is not well-formed JSON keeps the records before the break and adds one
 * {@code bad-json} item after them; a well-formed document with neither records nor a single record
 * is one {@code unrecognised} item.
 */
abstract class JsonApiFormat implements FeedFormat {

    /** True when the head is one of this format's responses. */
    abstract boolean matches(JsonHead head);

    /** The path of object fields to the records array (empty when the document is the array), given its head. */
    abstract List<String> recordsPath(JsonHead head);

    /** The one record of a response that holds a single record (no records array), or null. */
    JsonNode singleRecord(JsonNode envelope) throws BadRecordException {
        return null;
    }

    /** Maps one record to a draft, or rejects it through {@code out} and returns null. */
    abstract PaperDraft toDraft(JsonNode record, int number, String raw, ResultCollector out)
            throws BadRecordException;

    /**
     * Called once the document is read, with its envelope (paging, status), when it is well-formed
     * enough to have one; {@code nextPosition} is the position a further item (an API error) takes.
     */
    void envelopeRead(JsonNode envelope, int records, int nextPosition, ResultCollector out) {
    }

    @Override
    public boolean matches(FeedText text) {
        return matches(JsonHead.of(text));
    }

    @Override
    public void parse(FeedText text, ResultCollector out) {
        List<String> path = recordsPath(JsonHead.of(text));
        JsonFeedStream.Outcome outcome = JsonFeedStream.read(text, path, new JsonFeedStream.Sink() {
            @Override
            public void record(int number, int line, JsonNode element, String raw) {
                accept(element, number, raw, out);
            }

            @Override
            public boolean full() {
                return out.full();
            }
        });
        int position = outcome.records() + 1;
        if (outcome.records() == 0 && outcome.envelope() != null) {
            JsonNode single = null;
            try {
                single = singleRecord(outcome.envelope());
            } catch (BadRecordException e) {
                out.reject(position++, Reasons.BAD_RECORD, e.getMessage(), text.text());
            }
            if (single != null) {
                accept(single, position++, text.text(), out);
            } else if (outcome.error() == null && !hasRecordsArray(outcome.envelope(), path)) {
                out.reject(position++, Reasons.UNRECOGNISED, "not a " + name() + " response: no "
                        + (path.isEmpty() ? "list" : String.join(".", path)) + " of records", text.text());
            }
        }
        if (outcome.error() != null) {
            out.reject(position++, TextNormalizer.isBinary(text.headChars(4096)) ? Reasons.BINARY : Reasons.BAD_JSON,
                    outcome.error(), outcome.excerpt());
        }
        if (outcome.envelope() != null) {
            envelopeRead(outcome.envelope(), outcome.records(), position, out);
        }
    }

    private void accept(JsonNode element, int number, String raw, ResultCollector out) {
        if (!element.isObject()) {
            out.reject(number, Reasons.BAD_RECORD, "record " + number + " is not a JSON object: "
                    + element.getNodeType(), raw);
            return;
        }
        try {
            PaperDraft d = toDraft(element, number, raw, out);
            if (d != null) {
                out.accept(d);
            }
        } catch (BadRecordException e) {
            out.reject(number, Reasons.BAD_RECORD, "record " + number + ": " + e.getMessage(), raw);
        }
    }

    /** True when the envelope holds the records array at the path (empty or streamed). */
    private static boolean hasRecordsArray(JsonNode envelope, List<String> path) {
        JsonNode n = envelope;
        for (String field : path) {
            n = n == null ? null : n.get(field);
        }
        return n != null && n.isArray();
    }
}
