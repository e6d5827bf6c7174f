package io.paperfeed.consumer.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.consumer.atom.AtomFeeds;
import io.paperfeed.consumer.atom.FeedSettings;
import io.paperfeed.consumer.mail.UnsubscribeLinks;
import io.paperfeed.consumer.render.RatingLinks;
import io.paperfeed.consumer.recent.RecentPapers;
import io.paperfeed.consumer.recent.RecentPapersReader;
import io.paperfeed.consumer.preview.SubscriptionPreview;
import io.paperfeed.consumer.sse.SseSettings;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Rating;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.model.serde.Json;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.testkit.KafkaBroker;
import io.paperfeed.testkit.KafkaBrokerExtension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The readers' endpoints on a real HTTP server against a real broker: feeds filled from Kafka (a topic
 * stream, the alerts topic), a subscription's feed behind its token with 304 on a repeat, the preview
 * over classified papers read from Kafka, the unsubscribe link (GET changes nothing, POST disables, a forged
 * token is refused) and the rating links under a subscription's feed entries (the same rules; POST writes
 * one rating with the paper's embedding).
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderApiIT {

    private static final String TOKEN = "reader-token-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private Server server;
    private ServerConnector connector;
    private SubscriptionView view;
    private PaperfeedApi api;
    private ReaderApi readers;
    private AtomFeeds feeds;
    private RecentPapers recent;
    private RecentPapersReader recentReader;
    private KafkaProducer<String, byte[]> producer;
    private UnsubscribeLinks links;
    private RatingLinks ratingLinks;
    private String bootstrap;

    @BeforeAll
    void start(KafkaBroker broker) throws Exception {
        bootstrap = broker.bootstrapServers();
        Map<String, Integer> topicStreams = new java.util.HashMap<>();
        Taxonomy.defaults().topics().forEach(t -> topicStreams.put(t.kafkaTopic(), 1));
        KafkaTopicsForTests.create(bootstrap, topicStreams);
        KafkaClients clients = new KafkaClients(bootstrap);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Taxonomy taxonomy = Taxonomy.defaults();
        view = SubscriptionView.open(clients, "reader-it-view", Topics.SUBSCRIPTIONS.name(),
                SubscriptionValidator.of(taxonomy)).start();
        assertTrue(view.awaitCaughtUp(Duration.ofSeconds(30)));
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        String base = "http://127.0.0.1"; // the feeds' own links; requests go to the connector's port
        feeds = new AtomFeeds(FeedSettings.defaults(base), clients, taxonomy, registry).start();
        recent = new RecentPapers(Duration.ofDays(30), 10_000, Clock.systemUTC());
        recentReader = new RecentPapersReader(clients, recent, Clock.systemUTC()).start();
        links = new UnsubscribeLinks(base, s -> Optional.of(("k" + s.id()).getBytes(StandardCharsets.UTF_8)));
        ratingLinks = new RatingLinks(base, s -> Optional.of(("k" + s.id()).getBytes(StandardCharsets.UTF_8)));
        api = new PaperfeedApi(new ApiSettings(taxonomy, TOKEN, Set.of("all-papers"), SseSettings.defaults(clients)), view,
                recent, registry);
        readers = new ReaderApi(taxonomy, TOKEN, feeds, new SubscriptionPreview(recent, SubscriptionValidator.of(taxonomy),
                Clock.systemUTC()), links, ratingLinks, api.ratings(), view, Set.of("all-papers"),
                SubscriptionPublisher.open(clients, "reader-it", Topics.SUBSCRIPTIONS.name(), SubscriptionValidator.of(taxonomy)),
                registry);
        server.setHandler(new Handler.Sequence(readers.routes(api.routes()).entrySet().stream()
                .sorted((a, b) -> b.getKey().length() - a.getKey().length()).map(Map.Entry::getValue)
                .toArray(Handler[]::new)));
        server.start();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"), new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
        readers.close();
        api.close();
        feeds.close();
        recentReader.close();
        recent.close();
        view.close();
        producer.close();
    }

    private CanonicalPaper paper(int n) {
        return paper(n, "We compress the KV cache of run " + run + ".");
    }

    private CanonicalPaper paper(int n, String abstractText) {
        String id = String.format("2601.%05d", Math.abs(run.hashCode() % 50_000) + n);
        PaperEvent e = new PaperEvent(id, 1, null, "Run " + run + " paper " + n + ": Prefill \\& Decode",
                abstractText, List.of("Ann Ng"), List.of("cs.CL"), null, null, null,
                List.of(), new Provenance("x", "f", n, Instant.EPOCH));
        return CanonicalPaper.firstSighting("arxiv:" + id, e).withTopics(List.of(new TopicMatch("kv-cache", 1, List.of("kv cache"))));
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path
                : "http://127.0.0.1:" + connector.getLocalPort() + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Puts the subscription on its topic and waits until the view the endpoints read has it. */
    private void publish(Subscription subscription) throws Exception {
        try (SubscriptionPublisher publisher = SubscriptionPublisher.open(new KafkaClients(bootstrap), "t",
                Topics.SUBSCRIPTIONS.name(), SubscriptionValidator.anyTopic())) {
            assertTrue(view.awaitPast(publisher.put(subscription), Duration.ofSeconds(10)));
        }
    }

    private static SyndFeed parse(String atom) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void feedsComeFromKafkaAndASubscriptionsFeedNeedsItsToken() throws Exception {
        String sub = "feed-" + run;
        publish(Subscription.ofQuery(sub, "abstract:\"kv cache\""));
        for (int n = 1; n <= 3; n++) {
            CanonicalPaper p = paper(n);
            producer.send(new ProducerRecord<>(Topics.topicStream("kv-cache").name(), p.id(),
                    PaperSerdes.CANONICAL_PAPER.serialize("t", p)));
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), sub, PaperSerdes.ALERT.serialize("t",
                    new Alert("alert_" + run + n, sub, p, List.of(), List.of("kv cache"), Instant.now()))));
        }
        producer.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> parse(get("/topics/kv-cache/feed.atom", Map.of()).body())
                .getEntries().stream().filter(e -> e.getTitle().contains(run)).count() == 3);
        HttpResponse<String> topic = get("/topics/kv-cache/feed.atom", Map.of());
        assertTrue(topic.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        assertTrue(parse(topic.body()).getEntries().get(0).getTitle().endsWith("Prefill & Decode"));
        assertEquals(404, get("/topics/no-such-topic/feed.atom", Map.of()).statusCode());

        String feed = "/subscriptions/" + sub + "/feed.atom";
        assertEquals(401, get(feed, Map.of()).statusCode(), "no token");
        assertEquals(401, get(feed + "?token=wrong", Map.of()).statusCode(), "wrong token");
        assertEquals(404, get("/subscriptions/nobody-" + run + "/feed.atom?token=" + TOKEN, Map.of()).statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> parse(get(feed + "?token=" + TOKEN, Map.of()).body())
                .getEntries().size() == 3);
        HttpResponse<String> first = get(feed + "?token=" + TOKEN, Map.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get(feed + "?token=" + TOKEN, Map.of("If-None-Match", etag));
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, get(feed + "?token=" + TOKEN, Map.of("If-Modified-Since", lastModified)).statusCode());
        assertEquals(200, get("/subscriptions/" + sub, Map.of("Authorization", "Bearer " + TOKEN)).statusCode(),
                "the API still answers everything else under /subscriptions");
    }

    @Test
    void thePreviewListsThePapersReadFromTheClassifiedTopic() throws Exception {
        for (int n = 11; n <= 12; n++) {
            CanonicalPaper p = paper(n);
            producer.send(new ProducerRecord<>(Topics.PAPERS_CLASSIFIED.name(), p.id(), PaperSerdes.CANONICAL_PAPER.serialize("t", p)));
        }
        producer.flush();
        String body = "{\"query\":\"abstract:" + run + "\"}";
        await().atMost(Duration.ofSeconds(30)).until(() -> Json.MAPPER.readTree(post("/subscriptions/preview",
                "application/json", body, TOKEN).body()).path("matched").asInt() == 2);
        JsonNode result = Json.MAPPER.readTree(post("/subscriptions/preview", "application/json", body, TOKEN).body());
        assertEquals(List.of(run), List.of(result.get("papers").get(0).get("terms").get(0).asText()));
        assertEquals(401, post("/subscriptions/preview", "application/json", body, null).statusCode());
        HttpResponse<String> bad = post("/subscriptions/preview", "application/json", "{\"query\":\"title:(\"}", TOKEN);
        assertEquals(400, bad.statusCode());
        assertEquals("invalid-query", Json.MAPPER.readTree(bad.body()).get("reason").asText());
        assertEquals(400, post("/subscriptions/preview?days=99", "application/json", body, TOKEN).statusCode());
        String liked = paper(11).id();
        HttpResponse<String> like = post("/subscriptions/preview", "application/json",
                "{\"query\":\"abstract:" + run + "\",\"like\":[\"" + liked + "\"]}", TOKEN);
        assertEquals(400, like.statusCode(), "a like list is not previewed");
        assertEquals("preview-unsupported", Json.MAPPER.readTree(like.body()).get("reason").asText());
        HttpResponse<String> created = post("/subscriptions", "application/json",
                "{\"id\":\"like-" + run + "\",\"like\":[\"" + liked + "\"]}", TOKEN);
        assertEquals(201, created.statusCode(), "the preview's papers resolve like lists too: " + created.body());
        assertEquals(liked, Json.MAPPER.readTree(created.body()).get("like").get(0).get("paper").asText());
    }

    @Test
    void theUnsubscribeLinkDisablesOnPostOnlyAndOnlyWithItsToken() throws Exception {
        String sub = "mail-" + run;
        Subscription s = new Subscription(sub, "Mail " + run, "kv", List.of(), Subscription.Mode.DIGEST, false,
                List.of(Delivery.email("ann@example.org")));
        publish(s);
        String link = links.link(s, "ann@example.org").orElseThrow()
                .replace("http://127.0.0.1/", "http://127.0.0.1:" + connector.getLocalPort() + "/");
        assertEquals(200, get(link.substring(link.indexOf("/unsubscribe")), Map.of()).statusCode());
        assertFalse(view.get(sub).orElseThrow().disabled(), "a GET (a mail scanner) changes nothing");
        String forged = link.substring(0, link.indexOf("&t=")) + "&t=forged";
        assertEquals(404, post(forged, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", null).statusCode());
        String otherAddress = link.replace("ann%40example.org", "bo%40example.org");
        assertEquals(404, post(otherAddress, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", null)
                .statusCode(), "a link is for its own address");
        assertFalse(view.get(sub).orElseThrow().disabled());

        HttpResponse<String> done = post(link, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", null);
        assertEquals(200, done.statusCode(), done.body());
        Subscription after = view.get(sub).orElseThrow();
        assertTrue(after.disabled(), "read-your-writes: disabled when the POST answered");
        assertTrue(after.disabledReason().startsWith("unsubscribed by ann@example.org through the link in a mail at "),
                after.disabledReason());
    }

    @Test
    void aRatingLinkUnderAFeedEntryRatesThePaperOnPostOnlyAndOnlyWithItsToken() throws Exception {
        String sub = "rate-" + run;
        publish(Subscription.ofQuery(sub, "abstract:\"kv cache\""));
        CanonicalPaper p = paper(21, "We rate a paper on the KV cache."); // not one the preview test finds
        producer.send(new ProducerRecord<>(Topics.PAPERS_CLASSIFIED.name(), p.id(), PaperSerdes.CANONICAL_PAPER.serialize("t", p)));
        producer.send(new ProducerRecord<>(Topics.ALERTS.name(), sub, PaperSerdes.ALERT.serialize("t",
                new Alert("alert_" + run + "r", sub, p, List.of(), List.of("kv cache"), Instant.now()))));
        producer.flush();
        String feed = "/subscriptions/" + sub + "/feed.atom?token=" + TOKEN;
        await().atMost(Duration.ofSeconds(30)).until(() -> parse(get(feed, Map.of()).body()).getEntries().size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> recent.find(p.id()).isPresent());
        String content = parse(get(feed, Map.of()).body()).getEntries().get(0).getContents().get(0).getValue();
        String more = href(content, "More like this");
        String not = href(content, "Not this");
        assertEquals(ratingLinks.links(view.get(sub).orElseThrow(), p.id()).orElseThrow().moreLikeThis(), more,
                "the entry carries the subscription's signed link");

        HttpResponse<String> page = get(local(not).substring(local(not).indexOf("/rate")), Map.of());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("paper 21: Prefill &amp; Decode") && page.body().contains("<form method=\"post\">"),
                "the page names the paper as readers read it, and asks: " + page.body());
        String forged = local(more).substring(0, local(more).indexOf("&t=")) + "&t=forged";
        assertEquals(404, post(forged, "application/x-www-form-urlencoded", "", null).statusCode());
        String flipped = local(more).replace("&r=1&", "&r=-1&");
        assertEquals(404, post(flipped, "application/x-www-form-urlencoded", "", null).statusCode(),
                "a link's token is for its own rating");
        HttpResponse<String> done = post(local(more), "application/x-www-form-urlencoded", "", null);
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("paper 21: Prefill &amp; Decode”: <strong>more like this"), done.body());

        List<Rating> written = ratings(Rating.key(sub, p.id()));
        assertEquals(1, written.size(), "only the POST rated, a GET (a mail scanner) did not: " + written);
        assertEquals(1, written.get(0).rating());
        assertEquals(p.title(), written.get(0).title());
        assertEquals(384, written.get(0).embedding().values().length, "the rating carries the paper's embedding");
    }

    private static String href(String html, String text) {
        int end = html.indexOf("\">" + text + "</a>");
        assertTrue(end > 0, "no link " + text + " in " + html);
        return html.substring(html.lastIndexOf("href=\"", end) + 6, end).replace("&amp;", "&");
    }

    private String local(String url) {
        return url.replace("http://127.0.0.1/", "http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    private List<Rating> ratings(String key) {
        return KafkaTopicsForTests.recordsOf(bootstrap, Topics.FEEDBACK.name(), key).stream()
                .filter(r -> r.value() != null).map(r -> PaperSerdes.RATING.deserialize(r.topic(), r.value())).toList();
    }
}
