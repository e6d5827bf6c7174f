package io.paperfeed.app.services;

import io.paperfeed.consumer.DeadLetterWriter;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.DeadLetters;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.FeedbackRecords;
import io.paperfeed.subscriptions.SubscriptionTable;
import io.paperfeed.subscriptions.SubscriptionValidator;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the dead letters of the topics that only group-less readers read: {@code paperfeed.subscriptions}
 * (every service's subscription view, the streams app's global store), {@code paperfeed.feedback} (the
 * streams app's global store of ratings, by the {@link FeedbackRecords} rules), {@code paperfeed.papers.classified}
 * (the exporter, the follower, the API's recent papers) and the topic streams {@code paperfeed.topic.*} (the
 * event streams). Those
 * readers skip and count a bad record, one per process; this consumer group reads each record once across
 * the streams instances that run it, checks it by the same rules, dead-letters what is unreadable
 * ({@link DeadLetterWriter}) and commits after, so each bad record gets one letter (at-least-once: a
 * restart between a letter and its commit writes it again, under the same key).
 */
final class DeadLetterAudit implements Runnable, AutoCloseable {

    /** The consumer group, shared by every instance. */
    static final String GROUP = "paperfeed-dead-letters";
    static final Pattern TOPICS = Pattern.compile(Pattern.quote(Topics.SUBSCRIPTIONS.name()) + "|"
            + Pattern.quote(Topics.FEEDBACK.name()) + "|" + Pattern.quote(Topics.PAPERS_CLASSIFIED.name()) + "|"
            + Pattern.quote("paperfeed.topic.") + ".+");

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAudit.class);

    private final Consumer<String, byte[]> consumer;
    private final DeadLetterWriter letters;
    private final SubscriptionTable subscriptions;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile String problem;

    DeadLetterAudit(Consumer<String, byte[]> consumer, DeadLetterWriter letters, SubscriptionValidator validator) {
        this.consumer = consumer;
        this.letters = letters;
        this.subscriptions = new SubscriptionTable(validator);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(TOPICS);
            while (!stopping.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    String why = problem(record);
                    if (why != null) {
                        letters.write(record, why);
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (!stopping.get()) {
                problem = "the dead-letter audit stopped: " + e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("the dead-letter audit stopped", e);
            problem = "the dead-letter audit stopped: " + e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Why the record is unreadable, or null when it is a record of its topic (a tombstone included). */
    String problem(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(Topics.SUBSCRIPTIONS.name())) {
            String where = DeadLetters.source(record.topic(), record.partition(), record.offset());
            return subscriptions.apply(record.key(), record.value(), where).problem();
        }
        if (record.topic().equals(Topics.FEEDBACK.name())) {
            return FeedbackRecords.problem(record.key(), record.value()); // compacted: a tombstone is data
        }
        if (record.value() == null && !record.topic().equals(Topics.PAPERS_CLASSIFIED.name())) {
            return "a null value on a topic without tombstones"; // the classified topic is compacted: data there
        }
        try {
            PaperSerdes.CANONICAL_PAPER.deserialize(record.topic(), record.value());
            return record.key() == null ? "the record has no key (a paper id)" : null;
        } catch (SerializationException e) {
            return e.getMessage();
        }
    }

    /** Null while it runs, else why it stopped on its own (for /health and the lifecycle). */
    String problem() {
        return problem;
    }

    @Override
    public void close() {
        stopping.set(true);
        consumer.wakeup();
    }
}
