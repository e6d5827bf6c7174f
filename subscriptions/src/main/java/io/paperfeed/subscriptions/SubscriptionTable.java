package io.paperfeed.subscriptions;

import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest valid version of every subscription, as the records of the compacted
 * {@code paperfeed.subscriptions} topic leave it. The one set of rules for reading that topic:
 *
 * <ul>
 *   <li>a tombstone deletes the subscription of its key;</li>
 *   <li>a value is a subscription whose id is the record's key and that the {@link SubscriptionValidator}
 *       accepts; disabled ones are kept (the API shows them; matching and delivery skip them); its
 *       webhook secrets are opened where the process has the key ({@link SubscriptionSecrets});</li>
 *   <li>anything else (no key, bytes that are no subscription, another id than the key, a query that
 *       does not parse, an unknown topic) is unreadable: counted, logged with its position, and it
 *       removes the key's earlier version, since the topic's latest word on that key is unusable.</li>
 * </ul>
 *
 * Fed by a {@link SubscriptionView} (services) or by the streams app's global store. Thread-safe.
 */
public final class SubscriptionTable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionTable.class);

    /** What one record did: the subscription of {@code id} is now {@code current} (null: none). */
    public record Change(String id, Subscription current, String problem) {

        /** Whether the record was unreadable ({@link #problem} says why). */
        public boolean unreadable() {
            return problem != null;
        }

        /** Whether the id now has an enabled subscription to match and deliver. */
        public boolean active() {
            return current != null && !current.disabled();
        }
    }

    private final SubscriptionValidator validator;
    private final SubscriptionSecrets secrets;
    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final LongAdder unreadable = new LongAdder();

    /** A table that leaves webhook secrets sealed (the streams app: matching needs no secret). */
    public SubscriptionTable(SubscriptionValidator validator) {
        this(validator, new SubscriptionSecrets(SecretKeys.none()));
    }

    /** A table that opens webhook secrets with the process's keys where it has them. */
    public SubscriptionTable(SubscriptionValidator validator, SubscriptionSecrets secrets) {
        this.validator = validator;
        this.secrets = secrets;
    }

    /**
     * Applies one record.
     *
     * @param where the record's position, for the log ({@code topic-partition@offset})
     */
    public Change apply(String key, byte[] value, String where) {
        if (key == null) {
            return reject(null, where, "the record has no key");
        }
        if (value == null) {
            byId.remove(key);
            return new Change(key, null, null);
        }
        Subscription subscription;
        try {
            subscription = PaperSerdes.SUBSCRIPTION.deserialize(Topics.SUBSCRIPTIONS.name(), value);
        } catch (SerializationException | IllegalArgumentException e) {
            return reject(key, where, "not a subscription: " + e.getMessage());
        }
        if (subscription == null) {
            return reject(key, where, "not a subscription: null");
        }
        if (!key.equals(subscription.id())) {
            return reject(key, where, "the record key " + key + " is not the subscription's id " + subscription.id());
        }
        try {
            validator.check(subscription);
            subscription = secrets.open(subscription);
        } catch (InvalidSubscriptionException | SecretKeys.SealedSecretException e) {
            return reject(key, where, e.getMessage());
        }
        byId.put(key, subscription);
        return new Change(key, subscription, null);
    }

    private Change reject(String key, String where, String why) {
        unreadable.increment();
        log.warn("unreadable subscription record at {}{}: {}", where, key == null ? "" : " (key " + key + ")", why);
        if (key != null) {
            byId.remove(key);
        }
        return new Change(key, null, why);
    }

    public Optional<Subscription> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every subscription, disabled ones included, by id. */
    public List<Subscription> all() {
        return byId.values().stream().sorted(Comparator.comparing(Subscription::id)).toList();
    }

    public int size() {
        return byId.size();
    }

    /** How many records were unreadable so far. */
    public long unreadable() {
        return unreadable.sum();
    }
}
