package io.paperfeed.producer.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sources file: the sources a producer polls, each with its URL template, interval, window and
 * page limit, and the gap kept between requests to each host. YAML (or JSON):
 *
 * <pre>
 * default-gap: 1s              # between two requests to a host not listed below
 * hosts:
 *   oaipmh.arxiv.org: 3s       # arXiv: one request every 3 s
 * sources:
 *   - name: biorxiv
 *     url: https://api.biorxiv.org/details/biorxiv/{from}/{until}/{cursor}
 *     interval: 1h             # 30s, 10m, 1h30m, 1d or PT1H
 *     lookback: 2d             # the first poll fetches from 2 days ago (default 1d)
 *     max-pages: 50            # at most 50 pages per poll (default 20)
 * </pre>
 *
 * Also per source: {@code first-cursor} ({@code {cursor}} on the first page, default {@code 0}) and
 * {@code next-url} (the template of the later pages). Unknown keys, unknown placeholders, a bad
 * interval and repeated names are errors that name the source.
 */
public record SourcesFile(List<SourceSpec> sources, Duration defaultGap, Map<String, Duration> hostGaps) {

    /** The gap between requests to a host the file does not list, when it gives no {@code default-gap}. */
    public static final Duration DEFAULT_GAP = HostRateLimiter.ARXIV_GAP;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file as written. */
    record Raw(@JsonProperty("default-gap") String defaultGap, Map<String, String> hosts, List<RawSource> sources) {
    }

    /** One source as written. */
    record RawSource(String name, String url, @JsonProperty("next-url") String nextUrl,
                     @JsonProperty("first-cursor") String firstCursor, String interval, String lookback,
                     @JsonProperty("max-pages") Integer maxPages) {
    }

    public SourcesFile {
        sources = List.copyOf(sources);
        hostGaps = Map.copyOf(hostGaps);
    }

    /**
     * Reads and checks a sources file.
     *
     * @throws IOException naming the file and what is wrong in it
     */
    public static SourcesFile read(Path file) throws IOException {
        Raw raw;
        try {
            raw = YAML.readValue(file.toFile(), Raw.class);
        } catch (JsonMappingException e) {
            throw new IOException(file + ": " + e.getOriginalMessage() + location(e), e);
        } catch (IOException e) {
            throw new IOException("cannot read the sources file " + file + ": " + e.getMessage(), e);
        }
        try {
            return of(raw);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static SourcesFile of(Raw raw) {
        if (raw == null || raw.sources() == null || raw.sources().isEmpty()) {
            throw new IllegalArgumentException("no sources (a list under 'sources:')");
        }
        List<SourceSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (RawSource s : raw.sources()) {
            if (s == null) {
                continue;
            }
            String name = s.name() == null ? "" : s.name().strip();
            String where = "source '" + (name.isEmpty() ? "(no name)" : name) + "'";
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a source has no name (url " + s.url() + ")");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + " is listed twice");
            }
            try {
                specs.add(new SourceSpec(name, new UrlTemplate(s.url()),
                        s.nextUrl() == null ? null : new UrlTemplate(s.nextUrl()),
                        s.firstCursor() == null ? "0" : s.firstCursor(), duration(s.interval(), "interval"),
                        s.lookback() == null ? 1 : days(s.lookback()),
                        s.maxPages() == null ? SourceSpec.DEFAULT_MAX_PAGES : s.maxPages()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        Map<String, Duration> gaps = new LinkedHashMap<>();
        if (raw.hosts() != null) {
            raw.hosts().forEach((host, gap) -> gaps.put(host, gap(gap, "gap of host " + host)));
        }
        Duration defaultGap = raw.defaultGap() == null ? DEFAULT_GAP : gap(raw.defaultGap(), "default-gap");
        return new SourcesFile(specs, defaultGap, gaps);
    }

    /** A rate limiter with the file's gaps. */
    public HostRateLimiter rateLimiter() {
        return new HostRateLimiter(defaultGap, hostGaps);
    }

    private static Duration duration(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException("no " + what);
        }
        try {
            return PollInterval.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    /** A gap: an interval, or none ({@code 0}, {@code 0s}). */
    private static Duration gap(String text, String what) {
        return text != null && text.strip().matches("0(ms|s|m|h|d)?") ? Duration.ZERO : duration(text, what);
    }

    private static int days(String text) {
        if (text.strip().matches("0d?")) {
            return 0;
        }
        Duration d = duration(text, "lookback");
        if (d.toSeconds() % 86_400 != 0) {
            throw new IllegalArgumentException("lookback must be whole days (e.g. 2d), was " + text);
        }
        return Math.toIntExact(d.toDays());
    }

    private static String location(JsonMappingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
