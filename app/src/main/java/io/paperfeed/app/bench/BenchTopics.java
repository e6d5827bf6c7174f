package io.paperfeed.app.bench;

import io.paperfeed.model.topics.Topic;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Fresh topics for each measured run, so no run reads another's records; the topics a run reads
 * its output from stamp records with the broker's append time, for latency.
 */
final class BenchTopics {

    private static final Set<String> STAMPED = Set.of(BenchCommand.BENCH_OUT, Topics.PAPERS_CLASSIFIED.name(),
            Topics.DEDUP_DECISIONS.name());

    private BenchTopics() {
    }

    static void reset(Admin admin, int partitions) throws Exception {
        Set<String> existing = admin.listTopics().names().get();
        List<String> ours = new ArrayList<>(List.of(BenchCommand.BENCH_IN, BenchCommand.BENCH_OUT));
        Topics.all().forEach(t -> ours.add(t.name()));
        Taxonomy.defaults().topics().forEach(t -> ours.add(t.kafkaTopic()));
        List<String> toDelete = ours.stream().filter(existing::contains).toList();
        admin.deleteTopics(toDelete).all().get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (admin.listTopics().names().get().stream().anyMatch(toDelete::contains)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics not deleted within 30 s: " + toDelete);
            }
            Thread.onSpinWait();
        }
        List<NewTopic> topics = new ArrayList<>();
        topics.add(newTopic(BenchCommand.BENCH_IN, Map.of(), partitions));
        topics.add(newTopic(BenchCommand.BENCH_OUT, Map.of(), partitions));
        for (Topic<?, ?> t : Topics.all()) {
            topics.add(newTopic(t.name(), t.configs(), partitions));
        }
        for (TopicDefinition t : Taxonomy.defaults().topics()) {
            topics.add(newTopic(t.kafkaTopic(), Map.of(), partitions));
        }
        createWithRetry(admin, topics);
    }

    private static NewTopic newTopic(String name, Map<String, String> configs, int partitions) {
        Map<String, String> all = new HashMap<>(configs);
        if (STAMPED.contains(name)) {
            all.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        }
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(all);
    }

    /** A just-deleted topic can take a moment to be creatable again: retry what is still missing. */
    private static void createWithRetry(Admin admin, List<NewTopic> topics) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get();
                return;
            } catch (ExecutionException e) {
                if (attempt >= 20) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
    }
}
