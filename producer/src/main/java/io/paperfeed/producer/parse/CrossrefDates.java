package io.paperfeed.producer.parse;

import com.fasterxml.jackson.databind.JsonNode;

/** Crossref's partial dates, {@code {"date-parts": [[2016, 8, 18]]}}, as {@code 2016-08-18} (or {@code 2016-08}, {@code 2016}). */
final class CrossrefDates {

    private CrossrefDates() {
    }

    /** The date, or null when the object has no usable parts. */
    static String of(JsonNode date) throws BadRecordException {
        if (date == null) {
            return null;
        }
        JsonNode parts = date.path("date-parts").path(0);
        if (!parts.isArray() || parts.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(3, parts.size()); i++) {
            JsonNode p = parts.get(i);
            if (p.isNull()) {
                break;
            }
            if (!p.canConvertToInt() || p.asInt() < (i == 0 ? 0 : 1) || p.asInt() > (i == 0 ? 9999 : i == 1 ? 12 : 31)) {
                throw new BadRecordException("date-parts hold no date: " + parts);
            }
            out.append(i == 0 ? String.format(java.util.Locale.ROOT, "%04d", p.asInt()) : String.format(java.util.Locale.ROOT, "-%02d", p.asInt()));
        }
        return out.length() == 0 ? null : out.toString();
    }
}
