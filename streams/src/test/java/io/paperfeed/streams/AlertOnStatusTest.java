package io.paperfeed.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paperfeed.model.Alert;
import io.paperfeed.model.AlertOn;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.PaperStatus;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Relation;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alertOn}: a bioRxiv preprint and then its journal version (another DOI, joined by the journal
 * record's {@code has-preprint} relation) are one paper; a plain subscription is alerted once, one with
 * {@code alertOn: ["new", "published"]} twice (the second saying where it was published), never a third
 * time for a repeat or a further published sighting, and one with {@code ["published"]} only once, when
 * the paper is published. The preprint's and publication's records are what bioRxiv and the journal say
 * of the paper in the producer's fixture {@code biorxiv-details-doi-2020.06.11.145425.json}.
 */
class AlertOnStatusTest {

    private static final Instant T0 = Instant.parse("2025-08-20T06:00:00Z");
    private static final String PREPRINT_DOI = "10.1101/2020.06.11.145425";
    private static final String JOURNAL_DOI = "10.1016/j.patter.2020.100123";
    private static final String TITLE = "Machine Learning Maps Research Needs in COVID-19 Literature";
    private static final String TEXT = "Manually assessing the scope of the thousands of publications on the COVID-19 "
            + "pandemic is an overwhelming task. Machine learning approaches can rapidly survey the actual text of "
            + "coronavirus abstracts to identify research overlap and areas warranting exploration.";
    private static final List<String> AUTHORS = List.of("Doanvo, A. L.", "Qian, X.", "Ramjee, D.");
    private static final Map<String, String> SUBSCRIPTIONS = Map.of(
            "plain", "{\"id\":\"plain\",\"query\":\"abstract:coronavirus\"}",
            "published-too", "{\"id\":\"published-too\",\"query\":\"abstract:coronavirus\",\"alertOn\":[\"new\",\"published\"]}",
            "published-only", "{\"id\":\"published-only\",\"query\":\"abstract:coronavirus\",\"alertOn\":[\"published\"]}",
            "updates", "{\"id\":\"updates\",\"query\":\"abstract:coronavirus\",\"alertOnUpdate\":true}");

    @TempDir
    Path stateDir;

    @Test
    void aPreprintThenItsPublicationAlertsOnceForAPlainSubscriptionAndTwiceForAlertOnPublished() throws Exception {
        List<Alert> out = run(List.of(preprint(1), journal(2, TEXT), journal(2, TEXT), crossref(3)),
                stateDir.resolve("forward"));

        assertEquals(1, of(out, "plain").size(), "a plain subscription: the preprint only");
        List<Alert> twice = of(out, "published-too");
        assertEquals(List.of(AlertOn.NEW, AlertOn.PUBLISHED), twice.stream().map(Alert::occasion).toList(),
                "the preprint, then its publication; neither the repeat nor the Crossref sighting alerts again");
        assertNull(twice.get(0).reason());
        assertEquals("published in Patterns (" + JOURNAL_DOI + ")", twice.get(1).reason());
        assertEquals(PaperStatus.PUBLISHED, twice.get(1).paper().status());
        assertEquals(Map.of("Doanvo, A. L.", "0000-0002-1825-0097"), twice.get(1).paper().orcids(),
                "the journal's ORCID iD joins the paper");
        assertEquals(List.of(AlertOn.PUBLISHED), of(out, "published-only").stream().map(Alert::occasion).toList());
        assertEquals(List.of(AlertOn.NEW, AlertOn.UPDATE, AlertOn.UPDATE),
                of(out, "updates").stream().map(Alert::occasion).toList(), "alertOnUpdate as before: each update");
    }

    @Test
    void aPublicationWithoutAnAbstractJoiningThePreprintAlertsAsPublished() throws Exception {
        List<Alert> out = run(List.of(preprint(1), journal(2, null)), stateDir.resolve("title-only"));

        assertEquals(1, of(out, "plain").size());
        assertEquals(List.of(AlertOn.NEW, AlertOn.PUBLISHED), of(out, "published-too").stream()
                .map(Alert::occasion).toList());
    }

    @Test
    void aPaperFirstSeenPublishedIsNotAlertedAgainWhenItsPreprintJoins() throws Exception {
        List<Alert> out = run(List.of(journal(1, TEXT), preprint(2)), stateDir.resolve("reverse"));

        assertEquals(1, of(out, "plain").size());
        assertEquals(List.of(AlertOn.NEW), of(out, "published-too").stream().map(Alert::occasion).toList(),
                "already published when first alerted: the status is no news");
        assertEquals(List.of(AlertOn.PUBLISHED), of(out, "published-only").stream().map(Alert::occasion).toList());
    }

    @Test
    void statusAlertIdsAreTheSameWhenTheSameInputIsProcessedAgain() throws Exception {
        List<PaperEvent> input = List.of(preprint(1), journal(2, TEXT));
        List<String> first = of(run(input, stateDir.resolve("a")), "published-too").stream().map(Alert::alertId).toList();
        List<String> again = of(run(input, stateDir.resolve("b")), "published-too").stream().map(Alert::alertId).toList();

        assertEquals(2, first.size());
        assertEquals(first, again);
    }

    private static List<Alert> of(List<Alert> all, String subscription) {
        return all.stream().filter(a -> a.subscriptionId().equals(subscription)).toList();
    }

    private static PaperEvent preprint(int position) {
        return new PaperEvent(null, 1, PREPRINT_DOI, TITLE, TEXT, AUTHORS, List.of(), null, "2020-06-12", null,
                List.of(), List.of(), Map.of(), List.of(), "bioRxiv", PaperStatus.PREPRINT,
                new Provenance("feeds/biorxiv.json", "biorxiv-details", position, T0));
    }

    private static PaperEvent journal(int position, String text) {
        return new PaperEvent(null, null, JOURNAL_DOI, TITLE, text, AUTHORS, List.of(), null, "2020-10-09", null,
                List.of(), List.of(), Map.of(), List.of(new Relation(Relation.HAS_PREPRINT, "doi", PREPRINT_DOI)),
                "Patterns", PaperStatus.PUBLISHED, new Provenance("feeds/patterns.xml", "journal-rss", position, T0),
                Map.of("Doanvo, A. L.", "https://orcid.org/0000-0002-1825-0097"));
    }

    /** The journal version once more, as Crossref lists it (a new source, the same status). */
    private static PaperEvent crossref(int position) {
        return new PaperEvent(null, null, JOURNAL_DOI, TITLE, null, AUTHORS, List.of(), null, "2020-10-09", null,
                List.of(), List.of(), Map.of("issn", List.of("2666-3899")), List.of(), "Patterns",
                PaperStatus.PUBLISHED, new Provenance("feeds/crossref.json", "crossref-works", position, T0));
    }

    private static List<Alert> run(List<PaperEvent> input, Path state) throws Exception {
        Files.createDirectories(state);
        StreamsSettings settings = new StreamsSettings("dummy:9092", "alert-on-status-test", state, 1, null);
        try (TopologyTestDriver driver = new TopologyTestDriver(PaperFeedTopology.build(settings, new PipelineMetrics()),
                settings.toProperties())) {
            TestInputTopic<String, byte[]> subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(),
                    new StringSerializer(), new ByteArraySerializer());
            SUBSCRIPTIONS.forEach((id, json) -> subscriptions.pipeInput(id, json.getBytes(StandardCharsets.UTF_8), T0));
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.PAPERS_RAW.name(),
                    new StringSerializer(), new ByteArraySerializer());
            for (PaperEvent e : input) {
                raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize(Topics.PAPERS_RAW.name(), e), T0);
            }
            return driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(),
                    PaperSerdes.ALERT.deserializer()).readValuesToList();
        }
    }
}
