package io.paperfeed.producer.source;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL with placeholders, as a sources file writes it: {@code {from}} and {@code {until}} (the
 * dates of the window to fetch, {@code 2025-08-29}) and {@code {cursor}} (the page to fetch: the
 * first cursor, then what each page names as the next, URL-encoded). Nothing else in braces is
 * allowed, so a typo fails when the file is read, not at the first poll.
 */
public record UrlTemplate(String template) {

    /** The placeholders a template may hold. */
    public static final Set<String> NAMES = Set.of("from", "until", "cursor");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /**
     * @throws IllegalArgumentException for an unknown placeholder, or a template that does not make
     *                                  an absolute http(s) URL with a host
     */
    public UrlTemplate {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("no url");
        }
        template = template.strip();
        for (String name : placeholders(template)) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown placeholder {" + name + "} in " + template
                        + " (known: {from}, {until}, {cursor})");
            }
        }
        URI sample = uri(expand(template, Map.of("from", "2025-01-01", "until", "2025-01-02", "cursor", "0")));
        String scheme = sample.getScheme() == null ? "" : sample.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || sample.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL with a host: " + template);
        }
    }

    /** True when the template holds the placeholder. */
    public boolean has(String name) {
        return placeholders(template).contains(name);
    }

    /** The URL with every placeholder replaced; the cursor is URL-encoded, dates are written as they are. */
    public URI expand(String from, String until, String cursor) {
        return uri(expand(template, Map.of("from", from, "until", until,
                "cursor", URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
    }

    private static String expand(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static URI uri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url + " (" + e.getMessage() + ")", e);
        }
    }
}
