package io.paperfeed.subscriptions.match;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.Json;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.SubscriptionTable;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;

/**
 * Matching throughput against 0 to 100,000 (or 1,000,000) generated subscriptions on one thread, over the distinct
 * papers of arXiv-daily (classified first, so topic clauses match). Subscriptions: phrases of 2-3
 * consecutive title words, {@code authors:"First Last"}, phrase AND category, topic lists, phrase with
 * topics, and a few single-category watches (a category value such as the MSC classes
 * {@code 2020: 00A69, 05C90} is quoted, so it is one value as the paper has it; an author with no letter
 * or digit, such as {@code ":"}, gives way to a category watch). Each count's subscriptions are generated anew
 * (the same first ones each time) and dropped once registered, so the heap figure is the matcher's.
 * Usage: {@code MatchingThroughput [arxiv-daily folder]
 * [default|monitor-only|multipass] [max subscriptions] [P/N]}: {@code default} is the matcher as
 * shipped (term index, then lucene-monitor for the rest), {@code monitor-only} puts every subscription in
 * the monitor, {@code multipass} too but with lucene-monitor's plain two-pass presearcher; {@code P/N} keeps
 * only the subscriptions of matching shard P of N (what one match task of {@code --match-shards N} holds).
 */
public final class MatchingThroughput {

    private static final int[] COUNTS = {0, 1_000, 10_000, 100_000, 1_000_000};
    private static final int DEFAULT_MAX = 100_000;
    /** A category the query syntax reads as one term (cs.LG, math-ph, I.2.7, 68T05); any other is quoted. */
    private static final Pattern PLAIN_CATEGORY = Pattern.compile("[A-Za-z0-9.-]+");
    /** An author with no letter or digit (such as {@code ":"}) is no author query. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");
    /** What ends or escapes a quoted phrase in the query syntax. */
    private static final Pattern QUOTED_SPECIAL = Pattern.compile("[\"\\\\]");

    private MatchingThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "/work/shared/data/arxiv-daily");
        String mode = args.length > 1 ? args[1] : "default";
        int max = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_MAX;
        // "P/N": only the subscriptions of matching shard P of N (as the streams app's --match-shards places them)
        int[] shard = args.length > 3 ? Arrays.stream(args[3].split("/")).mapToInt(Integer::parseInt).toArray() : null;
        List<CanonicalPaper> papers = classified(read(folder));
        List<String> topicIds = Taxonomy.defaults().topics().stream().map(TopicDefinition::id).toList();
        System.out.printf(Locale.ROOT, "%d distinct papers, matcher %s%n", papers.size(), mode);
        System.out.printf(Locale.ROOT, "%8s %10s %10s %10s %10s %12s %12s %12s%n", "subs", "in_monitor", "register_s",
                "restore_s", "papers/s", "queries_run", "matches", "heap_MB");
        for (int count : COUNTS) {
            if (count > max) {
                break;
            }
            Presearcher presearcher = mode.equals("multipass") ? new MultipassTermFilteredPresearcher(2)
                    : MonitorBackend.defaultPresearcher();
            SubscriptionValidator validator = new SubscriptionValidator(Set.copyOf(topicIds));
            try (SubscriptionMatcher matcher = new SubscriptionMatcher(validator, presearcher, mode.equals("default"))) {
                List<Subscription> subscriptions = generate(papers, topicIds, count, new Random(42));
                if (shard != null) {
                    subscriptions = subscriptions.stream().filter(x -> shardOf(x.id(), shard[1]) == shard[0]).toList();
                    System.out.printf(Locale.ROOT, "shard %d of %d: %d of %d subscriptions%n", shard[0], shard[1],
                            subscriptions.size(), count);
                }
                double restoreSeconds = restore(subscriptions, validator);
                long t0 = System.nanoTime();
                Registration r = matcher.register(subscriptions);
                double registerSeconds = (System.nanoTime() - t0) / 1e9;
                subscriptions = null; // the heap figure is what the matcher holds, not the generated records
                if (!r.allRegistered()) {
                    System.out.println("rejected: " + r.rejected().size() + " e.g. " + r.rejected().values().iterator().next());
                }
                for (CanonicalPaper paper : papers) { // one pass to warm up (JIT), then the measured one
                    matcher.match(paper);
                }
                long queriesRun = 0;
                long matches = 0;
                long visited = 0;
                long start = System.nanoTime();
                for (CanonicalPaper paper : papers) {
                    MatchResult result = matcher.match(paper);
                    queriesRun += result.queriesRun();
                    matches += result.size();
                    visited += visit(result);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf(Locale.ROOT, "%8d %10d %10.2f %10.2f %10.0f %12.1f %12.2f %12.0f%n", count,
                        matcher.monitorQueryCount(), registerSeconds, restoreSeconds,
                        papers.size() / seconds, (double) queriesRun / papers.size(), (double) matches / papers.size(),
                        heap / 1e6);
                if (visited == 42) {
                    System.out.println(); // keeps the visit from being optimised away
                }
            }
        }
    }

    /** The streams app's shard of a subscription id: Kafka's default partitioner of it as a String key. */
    private static int shardOf(String id, int shards) {
        return Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % shards;
    }

    /**
     * Seconds to load a fresh matcher from the subscriptions as records of the topic (JSON), the way the
     * streams app loads one after a restore ({@link RestoreBatches}: the table's rules, then batches).
     */
    private static double restore(List<Subscription> subscriptions, SubscriptionValidator validator) {
        List<byte[]> records = new ArrayList<>(subscriptions.size());
        for (Subscription s : subscriptions) {
            records.add(PaperSerdes.SUBSCRIPTION.serialize(Topics.SUBSCRIPTIONS.name(), s));
        }
        try (SubscriptionMatcher matcher = new SubscriptionMatcher(validator)) {
            long t0 = System.nanoTime();
            RestoreBatches restore = new RestoreBatches(SubscriptionTable.rulesOnly(validator), matcher);
            for (int i = 0; i < records.size(); i++) {
                restore.add(subscriptions.get(i).id(), records.get(i), "the benchmark");
            }
            restore.finish();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (restore.registered() != subscriptions.size()) {
                System.out.println("restored " + restore.registered() + " of " + subscriptions.size());
            }
            return seconds;
        }
    }

    /** Every match as a consumer sees it (subscription id, topics, terms), without a record per match. */
    private static long visit(MatchResult result) {
        long sum = 0;
        for (MatchResult.Group group : result.groups()) {
            int why = group.topics().size() + group.terms().size();
            for (String id : group.subscriptionIds()) {
                sum += id.length() + why;
            }
        }
        return sum;
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
            if (!PLAIN_CATEGORY.matcher(category).matches()) { // an MSC or ACM class such as "2020: 00A69, 05C90"
                category = "\"" + QUOTED_SPECIAL.matcher(category).replaceAll("\\\\$0") + "\"";
            }
            if (kind < 35 && phrase != null) {
                subs.add(Subscription.ofQuery(id, "\"" + phrase + "\""));
            } else if (kind < 60 && !p.authors().isEmpty()) {
                String author = p.authors().get(random.nextInt(p.authors().size()));
                subs.add(Subscription.ofQuery(id, WORD.matcher(author).find()
                        ? "authors:\"" + QUOTED_SPECIAL.matcher(author).replaceAll("\\\\$0") + "\""
                        : "categories:" + category));
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
