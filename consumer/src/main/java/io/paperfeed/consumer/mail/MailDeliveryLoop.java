package io.paperfeed.consumer.mail;

import io.paperfeed.consumer.DeadLetterWriter;
import io.paperfeed.model.Alert;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Digest;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.subscriptions.SubscriptionView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code paperfeed.alerts} and {@code paperfeed.digests} (group {@code paperfeed-mail}) and makes
 * the first attempt of every e-mail delivery of each: an alert mails the addresses of its instant
 * subscription, a digest those of its digest subscription. Offsets are committed when every mail of
 * the batch is settled (at-least-once; a repeat has the same Message-ID). A record of a subscription
 * the view does not know, made after the view last caught up, makes it catch up once first. A record
 * that is not an alert or digest (not JSON, the wrong shape, a null value) is counted and skipped; a digest
 * is dead-lettered here ({@link DeadLetterWriter}, acknowledged before the batch is committed past it), an
 * alert by the alert consumer, which reads every alert too.
 */
final class MailDeliveryLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(MailDeliveryLoop.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(10);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final Consumer<String, byte[]> consumer;
    private final MailSettings.Topics topics;
    private final SubscriptionView view;
    private final MailDispatcher dispatcher;
    private final DeadLetterWriter letters;
    private volatile boolean stopping;
    private volatile String problem;

    MailDeliveryLoop(Consumer<String, byte[]> consumer, MailSettings.Topics topics, SubscriptionView view,
                     MailDispatcher dispatcher, DeadLetterWriter letters) {
        this.consumer = consumer;
        this.topics = topics;
        this.view = view;
        this.dispatcher = dispatcher;
        this.letters = letters;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.alerts(), topics.digests()));
            while (!stopping) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty() && settled(dispatch(records))) {
                    commit();
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                problem = "the mail loop stopped: " + e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (!stopping) {
                log.error("a mail could not be settled (the producer failed); stopping without committing, so the "
                        + "batch is mailed again after a restart", e.getCause());
                problem = "the mail loop stopped: a mail could not be handed on: " + e.getCause();
            }
        } catch (RuntimeException e) {
            log.error("the mail loop stopped without committing its batch (mailed again after a restart)", e);
            problem = "the mail loop stopped: " + e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void commit() {
        try {
            consumer.commitSync();
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.warn("mail offsets not committed ({}); the batch is mailed again by the partitions' next owner",
                    e.toString());
        }
    }

    private List<CompletableFuture<Void>> dispatch(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<CompletableFuture<Void>> work = new ArrayList<>();
        boolean caughtUp = false;
        for (ConsumerRecord<String, byte[]> record : records) {
            boolean digest = record.topic().equals(topics.digests());
            Object item = read(record, digest);
            if (item == null) {
                continue;
            }
            String subscriptionId = digest ? ((Digest) item).subscriptionId() : ((Alert) item).subscriptionId();
            Optional<Subscription> subscription = view.get(subscriptionId);
            if (subscription.isEmpty() && !caughtUp
                    && !Instant.ofEpochMilli(record.timestamp()).isBefore(view.caughtUpAsOf().minus(CLOCK_SKEW))) {
                view.awaitCaughtUp(CATCH_UP);
                caughtUp = true;
                subscription = view.get(subscriptionId);
            }
            if (subscription.isEmpty() || subscription.get().disabled()) {
                continue;
            }
            for (Delivery d : subscription.get().delivery()) {
                if (d.type() == Delivery.Type.EMAIL) {
                    MailJob job = digest ? new MailJob(null, (Digest) item, d.to()) : new MailJob((Alert) item, null, d.to());
                    work.add(dispatcher.attempt(subscription.get(), job, 1));
                }
            }
        }
        return work;
    }

    private boolean settled(List<CompletableFuture<Void>> work) throws InterruptedException, ExecutionException {
        CompletableFuture<Void> all = CompletableFuture.allOf(work.toArray(CompletableFuture[]::new));
        while (true) {
            try {
                all.get(200, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                if (stopping) {
                    return false;
                }
            }
        }
    }

    /** The alert or digest; null when the record is neither (a digest's dead letter acknowledged first). */
    private Object read(ConsumerRecord<String, byte[]> record, boolean digest) throws InterruptedException {
        try {
            if (record.value() == null) {
                throw new SerializationException("a null value is no " + (digest ? "digest" : "alert"));
            }
            Object item = digest ? PaperSerdes.DIGEST.deserialize(record.topic(), record.value())
                    : PaperSerdes.ALERT.deserialize(record.topic(), record.value());
            if (item == null) {
                throw new SerializationException("a null is no " + (digest ? "digest" : "alert"));
            }
            return item;
        } catch (SerializationException e) {
            dispatcher.unreadable(digest ? "digests" : "alerts");
            if (digest) {
                letters.write(record, e.getMessage());
            } else {
                log.warn("alert at {}-{}@{} cannot be read, skipped (the alert consumer dead-letters it): {}",
                        record.topic(), record.partition(), record.offset(), e.getMessage());
            }
            return null;
        }
    }

    /** Null while it runs (or after it was asked to stop), else why it stopped on its own. */
    String problem() {
        return problem;
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
    }
}
