package io.paperfeed.subscriptions.match;

import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a matcher from the records of the subscriptions topic as a restore left them (a store read end
 * to end): each record read by the {@link SubscriptionTable}'s rules, the active ones registered
 * {@link #BATCH} at a time, so a million are never all records at once and each batch is one bulk
 * registration. The streams app's loader and the benchmark both load through here.
 */
public final class RestoreBatches {

    /**
     * How many subscriptions one registration takes: a query is parsed once a registration, so the
     * larger the batch the fewer parses (100,000 records are some 40 MB while they wait).
     */
    public static final int BATCH = 100_000;

    private final SubscriptionTable table;
    private final SubscriptionMatcher matcher;
    private final int size;
    private final List<Subscription> batch = new ArrayList<>();
    private int registered;
    private int refused;

    public RestoreBatches(SubscriptionTable table, SubscriptionMatcher matcher) {
        this(table, matcher, BATCH);
    }

    RestoreBatches(SubscriptionTable table, SubscriptionMatcher matcher, int size) {
        this.table = table;
        this.matcher = matcher;
        this.size = size;
    }

    /** One record (a tombstone or an unreadable one deletes nothing here: the restore holds the latest only). */
    public void add(String key, byte[] value, String where) {
        SubscriptionTable.Change change = table.apply(key, value, where);
        if (change.active()) {
            batch.add(change.current());
            if (batch.size() == size) {
                flush();
            }
        } else if (change.problem() != null) {
            refused++;
        }
    }

    /** Registers what is left; returns this. */
    public RestoreBatches finish() {
        flush();
        return this;
    }

    /** How many subscriptions were registered. */
    public int registered() {
        return registered;
    }

    /** How many records were refused (unreadable, or a query the matcher refused). */
    public int refused() {
        return refused;
    }

    private void flush() {
        if (!batch.isEmpty()) {
            Registration r = matcher.register(batch);
            registered += r.registered().size();
            refused += r.rejected().size();
            batch.clear();
        }
    }
}
