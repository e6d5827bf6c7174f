package io.paperfeed.subscriptions;

import io.paperfeed.model.Rating;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The rules a record of {@code paperfeed.feedback} is read by, the same for the streams app's global store
 * (which skips and counts what breaks them) and the dead-letter audit (which writes its letter): a tombstone
 * withdraws a rating (data: the topic is compacted); any other value must be a {@link Rating} whose own key
 * ({@code subscription|paper}) is the record's.
 */
public final class FeedbackRecords {

    private FeedbackRecords() {
    }

    /**
     * The rating of a record, or null for a tombstone.
     *
     * @throws IllegalArgumentException why the record is unreadable (no key, not a rating, another key)
     */
    public static Rating read(String key, byte[] value) {
        if (key == null) {
            throw new IllegalArgumentException("the record has no key (subscription|paper)");
        }
        if (value == null) {
            return null;
        }
        Rating rating;
        try {
            rating = PaperSerdes.RATING.deserialize(Topics.FEEDBACK.name(), value);
        } catch (SerializationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (rating == null || !rating.key().equals(key)) {
            throw new IllegalArgumentException("the key " + key + " is not the rating's (subscription|paper)");
        }
        return rating;
    }

    /** Why the record is unreadable, or null when it is a rating or a tombstone. */
    public static String problem(String key, byte[] value) {
        try {
            read(key, value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
