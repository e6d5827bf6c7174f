package io.paperfeed.app.pipeline;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.kafka.TopicReader;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.topics.Topic;
import io.paperfeed.model.topics.Topics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the output topics (classified papers, alerts, invalid items, dedup decisions) from the
 * beginning with a {@link TopicReader} (read committed, no consumer group) into a {@link PipelineOutput}.
 * It tells when a set of input items has gone all the way through: every item is in some classified
 * paper's sources, is an invalid item, or was decided an exact repeat (which publishes no paper), the
 * streams app has caught up with its input topics ({@link StreamsCatchUp}: alerts come from a sub-topology
 * of their own, after the repartition by subscription, so they commit after the classified paper), and
 * everything committed on the output topics as of then has been read.
 */
public final class PipelineFollower implements AutoCloseable {

    private static final List<Topic<String, ?>> OUTPUTS =
            List.of(Topics.PAPERS_CLASSIFIED, Topics.ALERTS, Topics.PAPERS_INVALID, Topics.DEDUP_DECISIONS);

    private final PipelineOutput output = new PipelineOutput();
    private final TopicReader reader;
    private final Admin admin;
    private final String applicationId;
    private final LongAdder unreadable = new LongAdder();

    /** A follower that reads the outputs only (it does not wait for a streams app: {@link #awaitCaughtUp}). */
    public PipelineFollower(KafkaClients clients) {
        this(clients, null);
    }

    /** @param applicationId the streams app whose catch-up {@link #awaitThrough} waits for too */
    public PipelineFollower(KafkaClients clients, String applicationId) {
        this.applicationId = applicationId;
        this.admin = applicationId == null ? null : clients.admin();
        reader = new TopicReader("paperfeed-follower", clients.reader("paperfeed-follower", new StringDeserializer(),
                new ByteArrayDeserializer()), OUTPUTS.stream().map(Topic::name).toList(),
                TopicReader.StartPosition.beginning(), this::handle).start();
    }

    /**
     * Reads until every given item is accounted for and the outputs are read to their end, or the
     * timeout passes; returns whether it got there.
     */
    public boolean awaitThrough(Collection<String> itemKeys, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            // caught up with everything committed as of now, and that accounts for every item
            if (reader.awaitCaughtUp(Duration.ofNanos(left)) && accountsFor(itemKeys)) {
                return applicationId == null || streamsCaughtUp(deadline);
            }
        }
        return false;
    }

    /** The streams app has processed all its inputs (alerts included), and the outputs are read as of then. */
    private boolean streamsCaughtUp(long deadline) throws InterruptedException {
        try {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            return new StreamsCatchUp(admin, applicationId).await(left).caughtUp()
                    && reader.awaitCaughtUp(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot tell whether " + applicationId + " has caught up: " + e, e);
        }
    }

    private boolean accountsFor(Collection<String> itemKeys) {
        synchronized (output) {
            return output.accountsFor(itemKeys);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        String topic = record.topic();
        synchronized (output) {
            try {
                take(topic, record);
            } catch (SerializationException e) {
                unreadable.increment(); // dead-lettered by the service that owns the topic's letters
                throw e;
            }
        }
    }

    private void take(String topic, ConsumerRecord<String, byte[]> record) {
        if (topic.equals(Topics.PAPERS_CLASSIFIED.name())) {
            CanonicalPaper paper = decode(Topics.PAPERS_CLASSIFIED, record);
            if (paper == null) {
                output.retired(record.key());
            } else {
                output.paper(paper);
            }
        } else if (topic.equals(Topics.DEDUP_DECISIONS.name())) {
            output.decision(required(decode(Topics.DEDUP_DECISIONS, record)));
        } else if (topic.equals(Topics.ALERTS.name())) {
            output.alert(required(decode(Topics.ALERTS, record)));
        } else {
            InvalidItem item = required(decode(Topics.PAPERS_INVALID, record));
            output.invalid(record.key() != null ? record.key() : item.source().itemKey(), item);
        }
    }

    private static <V> V required(V value) {
        if (value == null) {
            throw new SerializationException("a null value on a topic without tombstones");
        }
        return value;
    }

    /** Records of the output topics that could not be read, skipped. */
    public long unreadable() {
        return unreadable.sum();
    }

    /** Waits until everything committed on the output topics as of now has been read; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return reader.awaitCaughtUp(timeout);
    }

    private static <V> V decode(Topic<String, V> topic, ConsumerRecord<String, byte[]> record) {
        return topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
    }

    /** What was read; read it once {@link #awaitThrough} returned (or after {@link #close}). */
    public PipelineOutput output() {
        synchronized (output) {
            return output;
        }
    }

    @Override
    public void close() throws InterruptedException {
        reader.close();
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
