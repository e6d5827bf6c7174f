package io.paperfeed.subscriptions.match;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.SubscriptionTable;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Seconds to load a matcher from subscription records one record at a time, as a global store's processor
 * is called for each record while Kafka Streams restores the store, against {@link RestoreBatches}.
 * Usage: {@code OneByOneRestore [arxiv-daily folder] [count] [records file]}: with a file, it only writes
 * the generated records there (a line each: id, a tab, the JSON value), for the streams app's restore timing.
 */
public final class OneByOneRestore {

    private OneByOneRestore() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "/work/shared/data/arxiv-daily");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        List<CanonicalPaper> papers = MatchingThroughput.classified(MatchingThroughput.read(folder));
        List<String> topicIds = Taxonomy.defaults().topics().stream().map(TopicDefinition::id).toList();
        SubscriptionValidator validator = new SubscriptionValidator(Set.copyOf(topicIds));
        List<Subscription> subscriptions = MatchingThroughput.generate(papers, topicIds, count, new Random(42));
        List<byte[]> records = subscriptions.stream()
                .map(s -> PaperSerdes.SUBSCRIPTION.serialize(Topics.SUBSCRIPTIONS.name(), s)).toList();
        if (args.length > 2) {
            List<String> lines = new java.util.ArrayList<>(count);
            for (int i = 0; i < records.size(); i++) {
                lines.add(subscriptions.get(i).id() + "\t" + new String(records.get(i), java.nio.charset.StandardCharsets.UTF_8));
            }
            java.nio.file.Files.write(Path.of(args[2]), lines);
            System.out.println("wrote " + lines.size() + " subscription records to " + args[2]);
            return;
        }
        SubscriptionTable table = SubscriptionTable.rulesOnly(validator);
        try (SubscriptionMatcher matcher = new SubscriptionMatcher(validator)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < records.size(); i++) {
                matcher.apply(table.apply(subscriptions.get(i).id(), records.get(i), "the benchmark"));
                if ((i + 1) % (count / 10) == 0) {
                    System.out.printf(Locale.ROOT, "  one by one: %d in %.2f s%n", i + 1, (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        try (SubscriptionMatcher matcher = new SubscriptionMatcher(validator)) {
            long t0 = System.nanoTime();
            RestoreBatches restore = new RestoreBatches(table, matcher);
            for (int i = 0; i < records.size(); i++) {
                restore.add(subscriptions.get(i).id(), records.get(i), "the benchmark");
            }
            restore.finish();
            System.out.printf(Locale.ROOT, "%d subscriptions: in batches %.2f s%n", count, (System.nanoTime() - t0) / 1e9);
        }
    }
}
