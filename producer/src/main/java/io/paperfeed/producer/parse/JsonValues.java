package io.paperfeed.producer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading fields of a JSON record strictly: an absent field or JSON null is null, a field of the
 * wrong type is a {@link BadRecordException} naming it, so one odd record becomes one
 * {@code bad-record} item instead of a wrong value.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** A text field: null when absent or JSON null; numbers are taken as text. */
    static String text(JsonNode o, String field) throws BadRecordException {
        JsonNode n = o == null ? null : o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual() || n.isNumber()) {
            return n.asText();
        }
        throw new BadRecordException("field '" + field + "' is not text: " + n.getNodeType());
    }

    /** The text at a path of object fields ({@code "primary_location", "source", "display_name"}), or null. */
    static String textAt(JsonNode o, String... path) throws BadRecordException {
        JsonNode n = o;
        for (int i = 0; i < path.length - 1; i++) {
            n = object(n, path[i]);
            if (n == null) {
                return null;
            }
        }
        return text(n, path[path.length - 1]);
    }

    /** An object field, or null when absent or JSON null. */
    static JsonNode object(JsonNode o, String field) throws BadRecordException {
        JsonNode n = o == null ? null : o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new BadRecordException("field '" + field + "' is not an object: " + n.getNodeType());
        }
        return n;
    }

    /** An array field's elements (empty when absent or JSON null). */
    static List<JsonNode> array(JsonNode o, String field) throws BadRecordException {
        JsonNode n = o == null ? null : o.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new BadRecordException("field '" + field + "' is not a list: " + n.getNodeType());
        }
        n.forEach(out::add);
        return out;
    }

    /** A list of texts: a JSON array of strings, or a single string taken as a one-element list. */
    static List<String> texts(JsonNode o, String field) throws BadRecordException {
        JsonNode n = o == null ? null : o.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isTextual()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) {
            throw new BadRecordException("field '" + field + "' is not a list: " + n.getNodeType());
        }
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new BadRecordException("field '" + field + "' holds a non-text entry: " + e.getNodeType());
            }
            out.add(e.asText());
        }
        return out;
    }

    /** The first text of a list field ({@code "title": ["…"]}, Crossref's way), or a plain text field. */
    static String firstText(JsonNode o, String field) throws BadRecordException {
        List<String> all = texts(o, field);
        return all.isEmpty() ? null : all.get(0);
    }

    /** A positive whole number, or null when absent. */
    static Integer positive(JsonNode o, String field) throws BadRecordException {
        JsonNode n = o == null ? null : o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
            throw new BadRecordException("field '" + field + "' is not a positive whole number: " + n);
        }
        return n.asInt();
    }

    /** A whole number of at least 0, given as a number or as digits in a string; null when absent or not one. */
    static Long count(JsonNode o, String field) {
        JsonNode n = o == null ? null : o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0) {
            return n.asLong();
        }
        if (n.isTextual() && n.asText().strip().matches("\\d{1,18}")) {
            return Long.parseLong(n.asText().strip());
        }
        return null;
    }
}
