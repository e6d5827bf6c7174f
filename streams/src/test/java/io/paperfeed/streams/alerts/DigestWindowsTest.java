package io.paperfeed.streams.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Alert;
import io.paperfeed.model.Digest;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.PaperFeedTopology;
import io.paperfeed.streams.PipelineMetrics;
import io.paperfeed.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digest windows through the whole topology (TopologyTestDriver, explicit record times and a mock wall
 * clock): one digest per subscription and window, sent when the wall clock passes the window's end
 * plus the grace even when no record comes after it, late alerts in the next digest, no instant alerts.
 */
class DigestWindowsTest {

    private static final Instant DAY = Instant.parse("2025-08-20T00:00:00Z");

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, Digest> digests;
    private TestOutputTopic<String, Alert> alerts;

    private void start(DigestWindows.Settings windows, Instant wallClock) {
        StreamsSettings settings = new StreamsSettings(new KafkaClients("dummy:9092"), "digest-test", stateDir, 1,
                null, null, 0, windows);
        driver = new TopologyTestDriver(PaperFeedTopology.build(settings, new PipelineMetrics()),
                settings.toProperties(), wallClock);
        raw = driver.createInputTopic(Topics.PAPERS_RAW.name(), new StringSerializer(), new ByteArraySerializer());
        digests = driver.createOutputTopic(Topics.DIGESTS.name(), new StringDeserializer(), PaperSerdes.DIGEST.deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(), PaperSerdes.ALERT.deserializer());
        driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput("kv-daily", "{\"id\":\"kv-daily\",\"query\":\"abstract:\\\"kv cache\\\"\",\"mode\":\"digest\"}"
                        .getBytes(StandardCharsets.UTF_8), wallClock);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void paper(int n, Instant at) {
        PaperEvent e = new PaperEvent(String.format("2508.%05d", n), null, null, "KV cache paper " + n,
                "We study the KV cache, part " + n + ".", List.of(), List.of(), null, null, null,
                new Provenance("seeds/test.txt", "test-format", n, at));
        raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", e), at);
    }

    private static List<String> ids(Digest digest) {
        return digest.alerts().stream().map(a -> a.paper().id()).toList();
    }

    @Test
    void oneDigestPerDaySentWhenTheDayAndTheGraceAreOverByTheWallClock() {
        start(DigestWindows.Settings.DAILY, DAY.plus(Duration.ofHours(6)));
        paper(11, DAY.plus(Duration.ofHours(6)));
        paper(12, DAY.plus(Duration.ofHours(8)));
        driver.advanceWallClockTime(Duration.ofHours(18).plusMinutes(59));
        assertTrue(digests.isEmpty(), "not before the day's end plus the hour of grace");
        paper(13, DAY.plus(Duration.ofHours(23)));
        paper(14, DAY.plus(Duration.ofHours(24).plusMinutes(30))); // the next day
        driver.advanceWallClockTime(Duration.ofMinutes(2));

        var digest = digests.readRecord();
        assertEquals("kv-daily", digest.key());
        assertEquals(DAY, digest.value().windowStart());
        assertEquals(DAY.plus(Duration.ofDays(1)), digest.value().windowEnd());
        assertEquals(DAY.plus(Duration.ofDays(1)), digest.getRecordTime(), "stamped with the window's end");
        assertEquals(List.of("arxiv:2508.00011", "arxiv:2508.00012", "arxiv:2508.00013"), ids(digest.value()));
        assertEquals(0, digest.value().omitted());
        assertTrue(digests.isEmpty(), "the next day is not over");
        assertTrue(alerts.readValuesToList().stream().noneMatch(a -> a.subscriptionId().equals("kv-daily")),
                "a digest subscription gets no instant alerts");

        driver.advanceWallClockTime(Duration.ofDays(1));
        assertEquals(List.of("arxiv:2508.00014"), ids(digests.readValue()));
        driver.advanceWallClockTime(Duration.ofDays(3));
        assertTrue(digests.isEmpty(), "a window without alerts sends nothing");
    }

    @Test
    void aShortPeriodSendsEachWindowWithoutAnyLaterRecord() {
        Instant t0 = Instant.parse("2026-01-05T10:00:00Z");
        start(new DigestWindows.Settings(Duration.ofSeconds(30), Duration.ofSeconds(5)), t0);
        paper(21, t0.plusSeconds(2));
        paper(22, t0.plusSeconds(20));
        driver.advanceWallClockTime(Duration.ofSeconds(34));
        assertTrue(digests.isEmpty(), "the window ends at +30 s and waits 5 s");
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        Digest first = digests.readValue();
        assertEquals(t0, first.windowStart());
        assertEquals(List.of("arxiv:2508.00021", "arxiv:2508.00022"), ids(first));

        paper(23, t0.plusSeconds(10)); // late: its window was sent; the open one takes it
        paper(24, t0.plusSeconds(40));
        driver.advanceWallClockTime(Duration.ofSeconds(40));
        Digest second = digests.readValue();
        assertEquals(t0.plusSeconds(30), second.windowStart());
        assertEquals(List.of("arxiv:2508.00023", "arxiv:2508.00024"), ids(second), "the late paper is not lost");
        assertTrue(digests.isEmpty());
    }

    @Test
    void aDigestPastTheSizeLimitCountsWhatItLeavesOut() {
        Instant t0 = Instant.parse("2026-01-05T10:00:00Z");
        start(new DigestWindows.Settings(Duration.ofMinutes(1), Duration.ZERO), t0);
        int papers = 0;
        for (int n = 1; n <= 400; n++) {
            PaperEvent e = new PaperEvent(String.format("2509.%05d", n), null, null, "KV cache paper " + n,
                    "We study the KV cache. " + "Long abstract text. ".repeat(100), List.of(), List.of(), null, null,
                    null, new Provenance("seeds/test.txt", "test-format", n, t0));
            raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", e), t0.plusMillis(n));
            papers++;
        }
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        Digest digest = digests.readValue();
        assertTrue(PaperSerdes.DIGEST.serialize("t", digest).length <= DigestProcessor.MAX_BYTES);
        assertTrue(digest.omitted() > 0, "some papers are left out");
        assertEquals(papers, digest.alerts().size() + digest.omitted(), "every paper listed or counted");
    }
}
