package io.paperfeed.producer.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperfeed.model.serde.Json;
import java.io.IOException;
import java.util.List;

/**
 * Streams the records of one JSON document (an API response) to a {@link Sink}, one element of the
 * records array at a time, and keeps the rest of the document (the envelope: paging, status) as a
 * tree. The records array is found by a path of object fields ({@code message.items}); an empty path
 * means the document itself is the array.
 *
 * <p>JSON gives no place to resume after a syntax error, so a document that breaks keeps every record
 * read before the break and reports the break once, with Jackson's message and line; a document cut
 * short thus keeps its first records. Nothing is thrown.
 */
final class JsonFeedStream {

    /** Receives the records. */
    interface Sink {
        /** One element of the records array: its 1-based number, the line it starts on, the element, its text. */
        void record(int number, int line, JsonNode element, String raw);

        /** True when no more records are wanted. */
        boolean full();
    }

    /**
     * What was read.
     *
     * @param envelope the document without the records array's elements (null when it broke before any value)
     * @param records  how many records were streamed
     * @param error    why the document is not well-formed JSON, or null
     * @param excerpt  the text around the error, or null
     */
    record Outcome(JsonNode envelope, int records, String error, String excerpt) {
    }

    private final String text;
    private final List<String> recordsPath;
    private final Sink sink;
    private int records;

    private JsonFeedStream(String text, List<String> recordsPath, Sink sink) {
        this.text = text;
        this.recordsPath = recordsPath;
        this.sink = sink;
    }

    /** Reads the whole document. */
    static Outcome read(FeedText text, List<String> recordsPath, Sink sink) {
        return new JsonFeedStream(text.text(), List.copyOf(recordsPath), sink).run();
    }

    private Outcome run() {
        JsonNode envelope = null;
        try (JsonParser p = Json.MAPPER.createParser(text)) {
            if (p.nextToken() == null) {
                return new Outcome(null, 0, "no JSON value: the document is empty", "");
            }
            envelope = value(p, 0);
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation at = p.currentTokenLocation();
                return new Outcome(envelope, records, "more after the JSON document, at line " + at.getLineNr(),
                        excerptAt(at));
            }
            return new Outcome(envelope, records, null, null);
        } catch (Full full) {
            return new Outcome(envelope, records, null, null);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new Outcome(envelope, records, "not well-formed JSON" + where + ": " + e.getOriginalMessage(),
                    at == null ? "" : excerptAt(at));
        } catch (IOException | RuntimeException e) {
            return new Outcome(envelope, records, "unreadable JSON: " + e, "");
        }
    }

    /** The value at the current token; the records array at the path is streamed, not kept. */
    private JsonNode value(JsonParser p, int depth) throws IOException {
        JsonToken t = p.currentToken();
        if (depth == recordsPath.size() && t == JsonToken.START_ARRAY) {
            streamRecords(p);
            return JsonNodeFactory.instance.arrayNode();
        }
        if (depth < recordsPath.size() && t == JsonToken.START_OBJECT) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                o.set(name, name.equals(recordsPath.get(depth)) ? value(p, depth + 1) : p.readValueAsTree());
            }
            return o;
        }
        return p.readValueAsTree();
    }

    private void streamRecords(JsonParser p) throws IOException {
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation start = p.currentTokenLocation();
            JsonNode element = p.readValueAsTree();
            int end = (int) Math.min(text.length(), p.currentLocation().getCharOffset());
            int from = (int) Math.max(0, Math.min(start.getCharOffset(), end));
            sink.record(++records, start.getLineNr(), element, text.substring(from, end));
            if (sink.full()) {
                throw new Full();
            }
        }
    }

    private String excerptAt(JsonLocation at) {
        long offset = at.getCharOffset();
        int from = (int) Math.max(0, Math.min(text.length(), offset - 200));
        return text.substring(from, Math.min(text.length(), from + 2 * io.paperfeed.model.InvalidItem.EXCERPT_LIMIT));
    }

    /** Stops reading once the collector wants no more records. */
    private static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full() {
            super(null, null, false, false);
        }
    }
}
