package io.paperfeed.app.pipeline;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.topics.Topic;
import io.paperfeed.model.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the output topics (classified papers, alerts, invalid items, dedup decisions) from the
 * beginning, read committed, without a consumer group, into a {@link PipelineOutput}. It tells when a
 * set of input items has gone all the way through: every item is in some classified paper's sources,
 * is an invalid item, or was decided an exact repeat (which publishes no paper), and everything
 * committed on the output topics has been read (a classified paper and its alerts commit in one
 * transaction, so nothing of it is still on the way).
 */
public final class PipelineFollower implements AutoCloseable {

    private static final List<Topic<String, ?>> OUTPUTS =
            List.of(Topics.PAPERS_CLASSIFIED, Topics.ALERTS, Topics.PAPERS_INVALID, Topics.DEDUP_DECISIONS);

    private final KafkaConsumer<String, byte[]> consumer;
    private final PipelineOutput output = new PipelineOutput();
    private final List<TopicPartition> partitions = new ArrayList<>();

    public PipelineFollower(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "paperfeed-follower");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        for (Topic<String, ?> topic : OUTPUTS) {
            consumer.partitionsFor(topic.name()).forEach(info ->
                    partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Reads until every given item is accounted for and the outputs are read to their end, or the
     * timeout passes; returns whether it got there.
     */
    public boolean awaitThrough(Collection<String> itemKeys, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            pollOnce();
            if (output.accountsFor(itemKeys) && caughtUp()) {
                return true;
            }
        }
        return false;
    }

    private boolean caughtUp() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
    }

    private void pollOnce() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            String topic = record.topic();
            if (topic.equals(Topics.PAPERS_CLASSIFIED.name())) {
                CanonicalPaper paper = decode(Topics.PAPERS_CLASSIFIED, record);
                if (paper == null) {
                    output.retired(record.key());
                } else {
                    output.paper(paper);
                }
            } else if (topic.equals(Topics.DEDUP_DECISIONS.name())) {
                output.decision(decode(Topics.DEDUP_DECISIONS, record));
            } else if (topic.equals(Topics.ALERTS.name())) {
                output.alert(decode(Topics.ALERTS, record));
            } else {
                InvalidItem item = decode(Topics.PAPERS_INVALID, record);
                output.invalid(record.key() != null ? record.key() : item.source().itemKey(), item);
            }
        }
    }

    private static <V> V decode(Topic<String, V> topic, ConsumerRecord<String, byte[]> record) {
        return topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
    }

    public PipelineOutput output() {
        return output;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
