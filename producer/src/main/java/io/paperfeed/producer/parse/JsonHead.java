package io.paperfeed.producer.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.paperfeed.model.serde.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What format detection sees of a JSON document: the head of the text (a document cut short is
 * fine), read token by token. It keeps the root's kind, the root object's fields with their scalar
 * values, and the fields of the first element of every array directly under the root (or of the
 * root array itself, under the name {@code ""}). Nothing deeper is kept.
 */
final class JsonHead {

    /** How much of the text detection reads. */
    static final int DETECT_CHARS = 16 * 1024;

    /** The value kept for a field whose value is an object or array. */
    static final String NESTED = "\u0000nested";

    private boolean rootArray;
    private boolean rootObject;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> firstElements = new HashMap<>();

    private JsonHead() {
    }

    /** The head of a text; a text that starts with no JSON object or array has an empty head. */
    static JsonHead of(FeedText text) {
        JsonHead head = new JsonHead();
        String s = text.headChars(DETECT_CHARS).stripLeading();
        if (s.isEmpty() || (s.charAt(0) != '{' && s.charAt(0) != '[')) {
            return head;
        }
        try (JsonParser p = Json.MAPPER.getFactory().createParser(s)) {
            head.read(p);
        } catch (IOException | RuntimeException e) {
            // the head ends mid-document or the JSON breaks: keep what was read before
        }
        return head;
    }

    private void read(JsonParser p) throws IOException {
        JsonToken root = p.nextToken();
        if (root == JsonToken.START_ARRAY) {
            rootArray = true;
            firstElement(p, "");
        } else if (root == JsonToken.START_OBJECT) {
            rootObject = true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_ARRAY) {
                    fields.putIfAbsent(name, NESTED);
                    firstElement(p, name);
                } else if (value == JsonToken.START_OBJECT) {
                    fields.putIfAbsent(name, NESTED);
                    p.skipChildren();
                } else {
                    fields.putIfAbsent(name, value == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
        }
    }

    /** Reads the fields of the array's first element when it is an object, then skips the rest of the array. */
    private void firstElement(JsonParser p, String arrayName) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null || first == JsonToken.END_ARRAY) {
            return;
        }
        if (first == JsonToken.START_OBJECT) {
            Map<String, String> element = new LinkedHashMap<>();
            firstElements.put(arrayName, element);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value.isStructStart()) {
                    element.putIfAbsent(name, NESTED);
                    p.skipChildren();
                } else {
                    element.putIfAbsent(name, value == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
        } else if (first.isStructStart()) {
            p.skipChildren();
        }
        JsonToken t;
        while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
            if (t.isStructStart()) {
                p.skipChildren();
            }
        }
    }

    /** True when the document is a JSON array. */
    boolean isArray() {
        return rootArray;
    }

    /** True when the document is a JSON object. */
    boolean isObject() {
        return rootObject;
    }

    /** True when the root object has the field (with any value). */
    boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The root object's field as text, null when absent, JSON null or nested. */
    String text(String field) {
        String v = fields.get(field);
        return NESTED.equals(v) ? null : v;
    }

    /** True when the first element of the named root array (or of the root array, {@code ""}) has the field. */
    boolean firstHas(String array, String field) {
        Map<String, String> e = firstElements.get(array);
        return e != null && e.containsKey(field);
    }

    /** True when the named root array (or the root array, {@code ""}) starts with an object. */
    boolean firstIsObject(String array) {
        return firstElements.containsKey(array);
    }

    /** The first element's field of the named array as text, or null. */
    String firstText(String array, String field) {
        Map<String, String> e = firstElements.get(array);
        String v = e == null ? null : e.get(field);
        return NESTED.equals(v) ? null : v;
    }
}
