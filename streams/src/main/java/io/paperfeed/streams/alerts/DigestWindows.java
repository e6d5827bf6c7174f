package io.paperfeed.streams.alerts;

import io.paperfeed.model.Alert;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.StreamsTopics;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Collects the alerts of digest-mode subscriptions into one {@code Digest} per subscription and
 * window, sent when the window closes. The alerts come from the ledger, after the repartition by
 * subscription id ({@code alerts-by-subscription}), so every alert of a subscription already meets its
 * open windows in one task's store ({@code digest-windows}, changelogged) without a repartition of its
 * own; the {@link DigestProcessor} there closes windows by the
 * wall clock, so the last window of a quiet day is sent too. Windows are aligned to the epoch (whole
 * UTC days by default).
 */
public final class DigestWindows {

    static final String STORE = "digest-windows";

    private DigestWindows() {
    }

    static void addTo(StreamsBuilder builder, KStream<String, Alert> digestAlerts, Settings settings) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                PaperSerdes.DIGEST));
        digestAlerts
                .process(() -> new DigestProcessor(settings), Named.as("collect-digests"), STORE)
                .to(Topics.DIGESTS.name(), StreamsTopics.produced(Topics.DIGESTS));
    }

    /**
     * How digests are cut, set by the operator ({@code --digest-period}, {@code --digest-grace}).
     *
     * @param period how long a window is; default one day
     * @param grace  how long after its end a window waits for alerts of papers published before the end
     *               that are still on their way through the pipeline; default one hour. An alert later
     *               than that joins the window open when it arrives, never dropped.
     */
    public record Settings(Duration period, Duration grace) {

        public static final Settings DAILY = new Settings(Duration.ofDays(1), Duration.ofHours(1));

        public Settings {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(grace, "grace");
            if (period.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("a digest period is at least 1 second, not " + period);
            }
            if (grace.isNegative()) {
                throw new IllegalArgumentException("a digest grace cannot be negative: " + grace);
            }
        }

        /** How often the open windows are checked: a thirtieth of the period, from 1 to 10 seconds. */
        Duration checkEvery() {
            Duration d = period.dividedBy(30);
            return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                    : d.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : d;
        }
    }
}
