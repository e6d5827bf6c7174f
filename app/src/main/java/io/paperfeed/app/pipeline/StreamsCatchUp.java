package io.paperfeed.app.pipeline;

import io.paperfeed.model.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when a Kafka Streams application has processed everything on its input topics: its consumer group
 * (the application id) has committed, on every partition it reads (the raw and canonical topics and its
 * repartition topics; a partition it never committed counts from 0), an
 * offset at or past the partition's last committed record (read-committed end offset), twice in a row with
 * the same end offsets. With exactly-once, offsets commit in the transaction of the outputs they caused, so
 * once that holds the outputs are all committed too; the second look makes sure that nothing the first one
 * saw being processed upstream was still to arrive on a repartition topic.
 */
public final class StreamsCatchUp {

    /** Where the application stands: partitions behind, and by how many records in all. */
    public record Progress(boolean caughtUp, int partitions, int behind, long records) {
    }

    private static final Duration POLL = Duration.ofMillis(500);

    private final Admin admin;
    private final String applicationId;

    public StreamsCatchUp(Admin admin, String applicationId) {
        this.admin = admin;
        this.applicationId = applicationId;
    }

    /** Waits until caught up; returns the last progress (caught up or not when the timeout passed). */
    public Progress await(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> previousEnds = null;
        Progress progress = new Progress(false, 0, 0, 0);
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> committed = committed();
            Map<TopicPartition, Long> ends = ends(committed);
            progress = progress(committed, ends);
            if (progress.caughtUp() && !committed.isEmpty() && ends.equals(previousEnds)) {
                return progress;
            }
            previousEnds = progress.caughtUp() ? ends : null;
            Thread.sleep(POLL.toMillis());
        }
        return new Progress(false, progress.partitions(), progress.behind(), progress.records());
    }

    /** The committed offset of every partition the application reads: 0 where it has committed none yet. */
    private Map<TopicPartition, Long> committed() throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (TopicPartition tp : sourcePartitions()) {
            committed.put(tp, 0L);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        offsets.forEach((tp, o) -> committed.put(tp, o == null ? 0L : o.offset()));
        return committed;
    }

    /** The raw and canonical topics and the application's repartition topics, as far as they exist. */
    private List<TopicPartition> sourcePartitions() throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> sources = names.stream().filter(name -> name.equals(Topics.PAPERS_RAW.name())
                || name.equals(Topics.PAPERS_CANONICAL.name())
                || name.startsWith(applicationId + "-") && name.endsWith("-repartition")).toList();
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(sources).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(d ->
                d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        return partitions;
    }

    private Map<TopicPartition, Long> ends(Map<TopicPartition, Long> partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static Progress progress(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
        int behind = 0;
        long records = 0;
        for (var end : ends.entrySet()) {
            long lag = end.getValue() - committed.getOrDefault(end.getKey(), 0L);
            if (lag > 0) {
                behind++;
                records += lag;
            }
        }
        return new Progress(behind == 0, ends.size(), behind, records);
    }
}
