package io.paperfeed.consumer.webhook;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the {@link RetryWorker} needs to know of one kind of retry record: webhooks'
 * ({@link WebhookRetries}, {@code paperfeed.alerts.retry}) and e-mail's ({@code paperfeed.mail.retry}).
 * The worker owns the schedule, the offsets, the chains, the in-flight bound and the dead letters of
 * unreadable records; an implementation only reads a record and makes one attempt.
 *
 * @param <R> the retry record
 */
public interface Retries<R> {

    /** What the worker is called in the log and in its problem ({@code webhook}, {@code mail}). */
    String kind();

    /** The record's retry; a {@code SerializationException} when it cannot be read. */
    R read(ConsumerRecord<String, byte[]> record);

    /** Attempts of the same delivery (alert and URL, mail and address) share a chain. */
    String chain(R retry);

    /** The number of the attempt the record is for (2 for the first retry). */
    int attemptNumber(R retry);

    Instant dueAt(R retry);

    /**
     * Whether an attempt would start at once (a webhook's host has a free slot); a due retry that would
     * not waits without taking an in-flight place, and the next due retry goes first.
     */
    default boolean available(R retry) {
        return true;
    }

    /**
     * Makes the attempt; completes when it is settled (delivered, or handed on by an acknowledged send),
     * fails when the hand-off failed for good.
     */
    CompletableFuture<Void> make(R retry);

    /** Counts a record that could not be read (its dead letter is the worker's). */
    void unreadable();

    /** What the log calls the retry (the alert or digest id). */
    String describe(R retry);
}
