package io.paperfeed.streams.alerts;

import io.paperfeed.streams.StreamsTopics;
import io.paperfeed.model.Alert;
import io.paperfeed.model.Digest;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Collects the alerts of digest-mode subscriptions into one {@link Digest} per subscription and day
 * (UTC, by the papers' record time), emitted once when the day's window closes: suppressed until
 * stream time passes the end of the day plus {@link #GRACE}, so late papers still join their day.
 */
final class DailyDigests {

    static final Duration DAY = Duration.ofDays(1);
    static final Duration GRACE = Duration.ofHours(1);
    static final String STORE = "daily-digests";

    private DailyDigests() {
    }

    static void addTo(KStream<String, Alert> digestAlerts) {
        digestAlerts
                .groupByKey(Grouped.with("digest-alerts", Serdes.String(), PaperSerdes.ALERT))
                .windowedBy(TimeWindows.ofSizeAndGrace(DAY, GRACE))
                .aggregate(() -> null, (subscription, alert, digest) ->
                                (digest == null ? Digest.empty(subscription) : digest).with(alert),
                        Named.as("collect-digest"),
                        Materialized.<String, Digest, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(PaperSerdes.DIGEST))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName("until-day-ends"))
                .toStream(Named.as("closed-days"))
                .map((window, digest) -> KeyValue.pair(window.key(),
                        digest.over(window.window().startTime(), window.window().endTime())), Named.as("stamp-digest"))
                .to(Topics.DIGESTS.name(), StreamsTopics.produced(Topics.DIGESTS));
    }
}
