package io.paperfeed.subscriptions.match;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.Json;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicClassifier;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;

/**
 * Matching throughput against 0 to 100,000 (or 1,000,000) generated subscriptions on one thread, over the distinct
 * papers of arXiv-daily (classified first, so topic clauses match). Subscriptions: phrases of 2-3
 * consecutive title words, {@code authors:"First Last"}, phrase AND category, topic lists, phrase with
 * topics, and a few single-category watches. Usage: {@code MatchingThroughput [arxiv-daily folder]
 * [default|monitor-only|multipass] [max subscriptions]}: {@code default} is the matcher as
 * shipped (term index, then lucene-monitor for the rest), {@code monitor-only} puts every subscription in
 * the monitor, {@code multipass} too but with lucene-monitor's plain two-pass presearcher.
 */
public final class MatchingThroughput {

    private static final int[] COUNTS = {0, 1_000, 10_000, 100_000, 1_000_000};
    private static final int DEFAULT_MAX = 100_000;

    private MatchingThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "/work/shared/data/arxiv-daily");
        String mode = args.length > 1 ? args[1] : "default";
        int max = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_MAX;
        List<CanonicalPaper> papers = classified(read(folder));
        List<String> topicIds = Taxonomy.defaults().topics().stream().map(TopicDefinition::id).toList();
        List<Subscription> all = generate(papers, topicIds, max, new Random(42));
        System.out.printf(Locale.ROOT, "%d distinct papers, matcher %s%n", papers.size(), mode);
        System.out.printf(Locale.ROOT, "%8s %10s %10s %10s %12s %12s %12s%n", "subs", "in_monitor", "register_s",
                "papers/s", "queries_run", "matches", "heap_MB");
        for (int count : COUNTS) {
            if (count > max) {
                break;
            }
            Presearcher presearcher = mode.equals("multipass") ? new MultipassTermFilteredPresearcher(2)
                    : MonitorBackend.defaultPresearcher();
            try (SubscriptionMatcher matcher = new SubscriptionMatcher(new SubscriptionValidator(Set.copyOf(topicIds)), presearcher,
                    mode.equals("default"))) {
                long t0 = System.nanoTime();
                Registration r = matcher.register(all.subList(0, count));
                double registerSeconds = (System.nanoTime() - t0) / 1e9;
                if (!r.allRegistered()) {
                    System.out.println("rejected: " + r.rejected().size() + " e.g. " + r.rejected().values().iterator().next());
                }
                for (CanonicalPaper paper : papers) { // one pass to warm up (JIT), then the measured one
                    matcher.match(paper);
                }
                long queriesRun = 0;
                long matches = 0;
                long start = System.nanoTime();
                for (CanonicalPaper paper : papers) {
                    MatchResult result = matcher.match(paper);
                    queriesRun += result.queriesRun();
                    matches += result.matches().size();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf(Locale.ROOT, "%8d %10d %10.2f %10.0f %12.1f %12.2f %12.0f%n", count,
                        matcher.monitorQueryCount(), registerSeconds,
                        papers.size() / seconds, (double) queriesRun / papers.size(), (double) matches / papers.size(),
                        heap / 1e6);
            }
        }
    }

    public static List<CanonicalPaper> read(Path folder) throws IOException {
        Map<String, CanonicalPaper> byId = new LinkedHashMap<>();
        List<Path> days;
        try (Stream<Path> files = Files.list(folder)) {
            days = files.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList();
        }
        for (Path day : days) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(day)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    JsonNode n = Json.MAPPER.readTree(line);
                    String id = n.get("id").asText();
                    if (byId.containsKey(id) || n.path("summary").asText("").isBlank()) {
                        continue;
                    }
                    List<String> authors = new ArrayList<>();
                    n.path("authors").forEach(a -> authors.add(a.asText()));
                    List<String> categories = new ArrayList<>();
                    n.path("categories").forEach(c -> categories.add(c.asText()));
                    byId.put(id, CanonicalPaper.firstSighting("arxiv:" + id, new PaperEvent(id, null, null,
                            n.path("title").asText(null), n.path("summary").asText().replaceAll("\\s+", " "), authors,
                            categories, null, null, null, new Provenance(day.toString(), "arxiv-daily-jsonl", 1,
                                    Instant.EPOCH))));
                }
            }
        }
        return List.copyOf(byId.values());
    }

    static List<CanonicalPaper> classified(List<CanonicalPaper> papers) {
        try (TopicClassifier classifier = new TopicClassifier(Taxonomy.defaults())) {
            return papers.stream().map(p -> p.withTopics(classifier.classify(p))).toList();
        }
    }

    static List<Subscription> generate(List<CanonicalPaper> papers, List<String> topicIds, int count, Random random) {
        Set<?> stop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        List<Subscription> subs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CanonicalPaper p = papers.get(random.nextInt(papers.size()));
            String id = "sub-" + i;
            int kind = random.nextInt(100);
            String phrase = phrase(p, random, stop);
            String category = p.categories().isEmpty() ? "cs.LG" : p.categories().get(random.nextInt(p.categories().size()));
            if (kind < 35 && phrase != null) {
                subs.add(Subscription.ofQuery(id, "\"" + phrase + "\""));
            } else if (kind < 60 && !p.authors().isEmpty()) {
                subs.add(Subscription.ofQuery(id, "authors:\"" + p.authors().get(random.nextInt(p.authors().size())) + "\""));
            } else if (kind < 78 && phrase != null) {
                subs.add(Subscription.ofQuery(id, "\"" + phrase + "\" AND categories:" + category));
            } else if (kind < 88) {
                List<String> topics = new ArrayList<>();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    topics.add(topicIds.get(random.nextInt(topicIds.size())));
                }
                subs.add(Subscription.ofTopics(id, topics));
            } else if (kind < 98 && phrase != null) {
                subs.add(new Subscription(id, null, "\"" + phrase + "\"",
                        List.of(topicIds.get(random.nextInt(topicIds.size()))), null, false, null));
            } else {
                subs.add(Subscription.ofQuery(id, "categories:" + category));
            }
        }
        return subs;
    }

    /** 2 or 3 consecutive title words, not starting or ending with a stop word; null when the title has none. */
    private static String phrase(CanonicalPaper p, Random random, Set<?> stop) {
        if (p.title() == null) {
            return null;
        }
        List<String> words = Stream.of(p.title().split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isBlank()).toList();
        for (int attempt = 0; attempt < 5 && words.size() >= 2; attempt++) {
            int n = Math.min(words.size(), 2 + random.nextInt(2));
            int start = random.nextInt(words.size() - n + 1);
            List<String> slice = words.subList(start, start + n);
            String first = slice.get(0).toLowerCase(Locale.ROOT);
            String last = slice.get(n - 1).toLowerCase(Locale.ROOT);
            if (!stop.contains(first) && !stop.contains(last) && first.length() > 1 && last.length() > 1) {
                return slice.stream().collect(Collectors.joining(" "));
            }
        }
        return null;
    }
}
