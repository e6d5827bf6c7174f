package io.paperfeed.consumer.preview;

import io.paperfeed.consumer.recent.RecentPapers;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long a preview takes over 30 days of arXiv volume. Reads the arXiv-daily days of ../shared/data
 * (4,307 distinct cs.CV/cs.CL/cs.AI papers), repeats them under new ids up to {@code papers} (default
 * 30,000, about a month of all of arXiv) spread over 30 days, indexes them in {@link RecentPapers}, then
 * times {@code runs} previews of each subscription below (after as many to warm up) and prints p50, p99
 * and max. Usage: {@code PreviewThroughput [arxiv-daily folder] [papers] [runs]}.
 */
public final class PreviewThroughput {

    private PreviewThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "/work/shared/data/arxiv-daily");
        int target = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        List<InputStream> days = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path day : files.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList()) {
                days.add(Files.newInputStream(day));
            }
        }
        List<CanonicalPaper> distinct = ArxivDaily.classified(days);
        Instant now = Instant.now();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        RecentPapers recent = new RecentPapers(Duration.ofDays(30), 100_000, clock);
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        for (int i = 0; i < target; i++) {
            CanonicalPaper p = distinct.get(i % distinct.size());
            int copy = i / distinct.size();
            // copies get their own strings, as 30,000 distinct papers would
            CanonicalPaper paper = copy == 0 ? p : new CanonicalPaper(p.id() + "c" + copy, null, null, null,
                    p.title() == null ? null : new String(p.title().toCharArray()), new String(p.abstractText().toCharArray()), p.authors(), p.categories(), p.predictedCategories(), p.comment(), p.published(),
                    p.updated(), p.links(), p.topics(), p.sources(), List.of(), p.change());
            recent.put(paper, now.minus(Duration.ofSeconds(30L * 24 * 3600 * (target - i) / (target + 1))));
        }
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        SubscriptionPreview preview = new SubscriptionPreview(recent, SubscriptionValidator.of(Taxonomy.defaults()), clock);
        preview.preview(Subscription.ofQuery("warm", "model"), 30, 50); // first search opens the reader
        System.out.printf("papers: %d (%d distinct, repeated under new ids) over 30 days; indexed in %.1f s; "
                + "heap for papers and index: ~%d MB%n", recent.size(), distinct.size(), indexSeconds,
                (usedHeap() - heapBefore) / (1024 * 1024));
        List<Subscription> subscriptions = List.of(
                Subscription.ofQuery("kv", "abstract:\"kv cache\""),
                Subscription.ofQuery("lm", "\"language model\""),
                Subscription.ofTopics("serving", List.of("llm-serving", "kv-cache")),
                new Subscription("mixed", null, "(diffusion OR segment*) AND NOT video", List.of("image-generation"),
                        Subscription.Mode.INSTANT, false, List.of()),
                Subscription.ofQuery("broad", "model OR learning"));
        for (Subscription s : subscriptions) {
            double[] ms = new double[runs];
            PreviewResult last = null;
            for (int i = -runs; i < runs; i++) {
                long t = System.nanoTime();
                last = preview.preview(s, 30, SubscriptionPreview.DEFAULT_LIMIT);
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            Arrays.sort(ms);
            double[] search = new double[runs];
            org.apache.lucene.search.Query query = SubscriptionValidator.of(Taxonomy.defaults()).check(s);
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                recent.search(query, now.minus(Duration.ofDays(30)), SubscriptionPreview.DEFAULT_LIMIT);
                search[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(search);
            System.out.printf("  the index search alone: p50 %.1f ms%n", search[runs / 2]);
            System.out.printf("preview %-52s matched %6d, listed %2d: p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
                    describe(s), last.matched(), last.papers().size(), ms[runs / 2], ms[(int) (runs * 0.99)],
                    ms[runs - 1]);
        }
        recent.close();
    }

    private static String describe(Subscription s) {
        return (s.hasQuery() ? s.query() : "") + (s.topics().isEmpty() ? "" : " topics " + s.topics());
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }
}
