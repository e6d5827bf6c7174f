package io.paperfeed.producer.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Parse throughput, per format: a benchmark to run by hand, not a unit test (surefire does not pick
 * it up). For each format it parses that format's seed or fixture again and again for about three
 * seconds (after a second of warm-up) with {@link FeedReader} detecting the format, and prints MB/s
 * (10^6 bytes of uncompressed input) and items/s. When the arXiv daily dumps are there
 * ({@code shared/data/arxiv-daily} beside the project, or the folder given as the first argument),
 * it reads every gzip file of them the same way.
 *
 * <pre>
 * ./mvnw -B -q -pl producer test-compile
 * ./mvnw -q -pl producer dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * cd producer &amp;&amp; java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) io.paperfeed.producer.parse.ParseThroughput
 * </pre>
 * Run it from the {@code producer} folder (the inputs are found relative to it).
 */
public final class ParseThroughput {

    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;
    private static final Instant FETCHED = Instant.parse("2025-08-30T06:00:00Z");

    private record Input(String format, Path file) {
    }

    private record Measure(long bytes, long items, long runs, long nanos) {
        double mbPerSecond() {
            return bytes / 1e6 / (nanos / 1e9);
        }

        double itemsPerSecond() {
            return items / (nanos / 1e9);
        }
    }

    private ParseThroughput() {
    }

    /** Prints the throughput table; the optional argument is the arXiv daily folder. */
    public static void main(String[] args) throws Exception {
        List<Input> inputs = List.of(
                new Input("arxiv-listing-abstracts", Path.of("../seeds/000_967216e45daf8c7a.txt")),
                new Input("arxiv-author-listing", Path.of("../seeds/001_ef842ff49690e270.txt")),
                new Input("aggregator-author-page", Path.of("../seeds/002_98fae5f0e34f7b08.txt")),
                new Input("hf-daily-papers", Path.of("../seeds/003_67158ccae971545e.txt")),
                new Input("arxiv-daily-jsonl", Path.of("src/test/resources/arxiv-daily-sample.jsonl")),
                new Input("paper-event-jsonl", Path.of("src/test/resources/expected/001_ef842ff49690e270.jsonl")),
                new Input("arxiv-atom-api", Path.of("src/test/resources/fixtures/arxiv-api-query-testing.atom.xml")),
                new Input("arxiv-rss", Path.of("src/test/resources/fixtures/arxiv-rss-cs.AI-2025-08-20.atom.xml")));
        FeedReader reader = new FeedReader();
        System.out.printf(Locale.ROOT, "%-24s %-40s %9s %6s %7s %9s %11s%n",
                "format", "input", "bytes", "items", "runs", "MB/s", "items/s");
        for (Input input : inputs) {
            byte[] content = Files.readAllBytes(input.file());
            ParseResult first = reader.read(input.file().toString(), content, FETCHED);
            if (!first.format().equals(input.format())) {
                throw new IllegalStateException(input.file() + " detected as " + first.format());
            }
            Measure m = repeat(reader, List.of(content), input.file().toString());
            System.out.printf(Locale.ROOT, "%-24s %-40s %9d %6d %7d %9.1f %11.0f%n", input.format(),
                    input.file().getFileName(), content.length, first.items(), m.runs(), m.mbPerSecond(), m.itemsPerSecond());
        }
        Path daily = args.length > 0 ? Path.of(args[0]) : findDaily();
        if (daily == null || !Files.isDirectory(daily)) {
            System.out.println("arxiv-daily: folder not found (give it as the first argument), skipped");
            return;
        }
        List<byte[]> files = new ArrayList<>();
        long uncompressed = 0;
        try (Stream<Path> list = Files.list(daily)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".gz")).sorted().toList()) {
                byte[] gz = Files.readAllBytes(p);
                files.add(gz);
                uncompressed += gunzippedSize(gz);
            }
        }
        Measure m = repeat(reader, files, daily.toString());
        long itemsPerPass = m.items() / m.runs();
        System.out.printf(Locale.ROOT, "%-24s %-40s %9d %6d %7d %9.1f %11.0f%n", "arxiv-daily-jsonl (gzip)",
                daily.getFileName() + "/ (" + files.size() + " files)", uncompressed, itemsPerPass, m.runs(),
                uncompressed * m.runs() / 1e6 / (m.nanos() / 1e9), m.itemsPerSecond());
    }

    /** Parses all contents once per run, warm-up first, for about {@link #MEASURE_NANOS}. */
    private static Measure repeat(FeedReader reader, List<byte[]> contents, String source) throws Exception {
        long until = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < until) {
            for (byte[] c : contents) {
                reader.read(source, c, FETCHED);
            }
        }
        long bytes = 0;
        long items = 0;
        long runs = 0;
        long start = System.nanoTime();
        long now = start;
        while (now - start < MEASURE_NANOS) {
            for (byte[] c : contents) {
                items += reader.read(source, c, FETCHED).items();
                bytes += c.length;
            }
            runs++;
            now = System.nanoTime();
        }
        return new Measure(bytes, items, runs, now - start);
    }

    private static long gunzippedSize(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    /** {@code shared/data/arxiv-daily} in the working folder or one of its parents. */
    private static Path findDaily() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("arxiv-daily");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
