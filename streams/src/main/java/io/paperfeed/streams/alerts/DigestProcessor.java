package io.paperfeed.streams.alerts;

import io.paperfeed.model.Alert;
import io.paperfeed.model.Digest;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds each alert (key: subscription id) to its subscription's digest of the window its record time
 * falls in, and, on a wall-clock punctuation, sends every digest whose window ended more than the grace
 * ago, then forgets it. The store is keyed {@code <window start, 19 digits>\n<subscription id>}, so the
 * windows due are one range scan in time order. An alert whose window was already sent joins the
 * window open at the wall-clock time instead, so a late alert is sent in the next digest, never lost. A
 * digest that would pass {@link #MAX_BYTES} counts further papers as omitted (they are in the feed)
 * instead of growing past what a Kafka record may hold.
 */
final class DigestProcessor implements Processor<String, Alert, String, Digest> {

    private static final Logger log = LoggerFactory.getLogger(DigestProcessor.class);
    /** Half of Kafka's default largest record: the digest and its changelog record stay well under it. */
    static final int MAX_BYTES = 512 * 1024;

    private final long period;
    private final long grace;
    private final DigestWindows.Settings settings;
    private ProcessorContext<String, Digest> context;
    private KeyValueStore<String, Digest> store;

    DigestProcessor(DigestWindows.Settings settings) {
        this.settings = settings;
        this.period = settings.period().toMillis();
        this.grace = settings.grace().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Digest> context) {
        this.context = context;
        this.store = context.getStateStore(DigestWindows.STORE);
        context.schedule(settings.checkEvery(), PunctuationType.WALL_CLOCK_TIME, this::sendClosed);
    }

    @Override
    public void process(Record<String, Alert> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        long now = context.currentSystemTimeMs();
        long start = windowStart(record.timestamp());
        if (start + period + grace <= now) {
            start = windowStart(now); // its window was sent already: the next digest takes it
        }
        String key = key(start, record.key());
        Digest current = store.get(key);
        Digest digest = current == null ? Digest.empty(record.key()) : current;
        Digest next = digest.with(record.value());
        if (next.alerts().size() > digest.alerts().size()
                && PaperSerdes.DIGEST.serialize(Topics.DIGESTS.name(), next).length > MAX_BYTES) {
            next = digest.omitting();
        }
        store.put(key, next);
    }

    /** Sends and forgets every window that ended at least the grace before {@code now}. */
    private void sendClosed(long now) {
        long latestStart = now - period - grace;
        if (latestStart < 0) {
            return;
        }
        List<KeyValue<String, Digest>> due = new ArrayList<>();
        try (KeyValueIterator<String, Digest> windows = store.range(key(0, ""), key(latestStart, "\u007f"))) {
            windows.forEachRemaining(due::add);
        }
        for (KeyValue<String, Digest> window : due) {
            long start = Long.parseLong(window.key.substring(0, 19));
            Instant end = Instant.ofEpochMilli(start + period);
            Digest digest = window.value.over(Instant.ofEpochMilli(start), end);
            context.forward(new Record<>(digest.subscriptionId(), digest, end.toEpochMilli()));
            store.delete(window.key);
            log.debug("digest of {} for {} sent: {} papers", digest.subscriptionId(), digest.windowStart(),
                    digest.alerts().size());
        }
    }

    private long windowStart(long timestamp) {
        return timestamp - Math.floorMod(timestamp, period);
    }

    private static String key(long windowStart, String subscriptionId) {
        return String.format("%019d", windowStart) + "\n" + subscriptionId;
    }
}
