package io.paperfeed.app.fuzz;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.parse.ParseResult;
import io.paperfeed.producer.parse.UnknownFormatException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds every parser (each format forced, and detection) generated and mutated inputs made from a
 * corpus of real feed files. A parser may answer with papers, invalid items (each with a reason
 * and a detail) or a clear refusal ({@link UnknownFormatException}, an {@link IOException} such as
 * bad gzip); anything else thrown is a failure, and so is an input slower than the limit. The time
 * and the bytes allocated for each input are measured.
 */
final class ParserFuzz {

    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final List<byte[]> corpus;
    private final long limitNanos;

    ParserFuzz(List<byte[]> corpus, long limitMillis) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("the corpus is empty");
        }
        this.corpus = corpus;
        this.limitNanos = limitMillis * 1_000_000;
    }

    /** Files under the paths (feed files: text, XML, JSON, JSON lines, gzip), each at most 512 KiB. */
    static List<byte[]> corpus(List<Path> paths) throws IOException {
        List<byte[]> files = new ArrayList<>();
        for (Path file : FeedReader.expand(paths.stream().filter(Files::exists).toList())) {
            if (Files.size(file) <= 512 * 1024) {
                files.add(Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** {@code inputs} per reader: every format forced, and detection; returns one tally per reader. */
    List<FuzzTally> run(long inputs, long seed) {
        Map<String, FeedReader> readers = new LinkedHashMap<>();
        readers.put("parse (detect)", new FeedReader());
        for (String format : FeedReader.formats()) {
            readers.put("parse " + format, new FeedReader(format));
        }
        List<FuzzTally> tallies = new ArrayList<>();
        long s = seed;
        for (Map.Entry<String, FeedReader> reader : readers.entrySet()) {
            tallies.add(run(reader.getKey(), reader.getValue(), inputs, s++));
        }
        return tallies;
    }

    private FuzzTally run(String name, FeedReader reader, long inputs, long seed) {
        FuzzTally tally = new FuzzTally(name);
        Mutator mutator = new Mutator(seed, 256 * 1024);
        for (long i = 0; i < inputs; i++) {
            byte[] input = i % 50 == 0 ? mutator.generate(mutator.nextInt(4096))
                    : mutator.mutate(mutator.pick(corpus), mutator.pick(corpus));
            feed(reader, input, tally);
        }
        return tally;
    }

    private void feed(FeedReader reader, byte[] input, FuzzTally tally) {
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        String outcome;
        try {
            ParseResult result = reader.read("fuzz", input, AT);
            outcome = result.invalid().isEmpty() ? "papers" : "invalid items";
            for (InvalidItem item : result.invalid()) {
                if (item.reason() == null || item.reason().isBlank() || item.detail() == null || item.detail().isBlank()) {
                    tally.fail("an invalid item without reason or detail: " + item, input);
                }
            }
        } catch (UnknownFormatException e) {
            outcome = "no format";
        } catch (IOException e) {
            outcome = "unreadable";
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            outcome = "uncaught";
            tally.fail(e.toString(), input);
        }
        long nanos = System.nanoTime() - start;
        if (nanos > limitNanos) {
            tally.fail("took " + nanos / 1_000_000 + " ms", input);
        }
        tally.record(outcome, nanos, THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore);
    }
}
