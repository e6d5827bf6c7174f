package io.paperfeed.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ORCID iDs of a paper's authors, by author name as the paper lists it: {@code {"Heather Piwowar":
 * "0000-0003-1613-5981"}}. An iD is kept bare (four groups of four digits, the last may be an
 * {@code X}), whatever form the source gave ({@code https://orcid.org/…}, {@code http://orcid.org/…},
 * lowercase {@code x}); a value that is no iD is left out.
 */
public final class Orcids {

    private static final Pattern ID = Pattern.compile("(\\d{4})-?(\\d{4})-?(\\d{4})-?(\\d{3}[\\dXx])");

    private Orcids() {
    }

    /** The bare iD in a source's value ({@code https://orcid.org/0000-0002-1825-0097}), or null. */
    public static String bare(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ID.matcher(value.strip());
        if (!m.find()) {
            return null;
        }
        return (m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "-" + m.group(4)).toUpperCase(Locale.ROOT);
    }

    /** An immutable copy in the given order, every iD bare, entries without a name or an iD left out. */
    public static Map<String, String> copy(Map<String, String> orcids) {
        if (orcids == null || orcids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        orcids.forEach((name, id) -> {
            String bare = bare(id);
            if (name != null && !name.isBlank() && bare != null) {
                copy.putIfAbsent(name.strip(), bare);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** The iDs of both, the first's for a name both have. */
    public static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        if (b.isEmpty()) {
            return a;
        }
        Map<String, String> all = new LinkedHashMap<>(a);
        b.forEach(all::putIfAbsent);
        return Collections.unmodifiableMap(all);
    }
}
