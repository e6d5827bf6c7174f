package io.paperfeed.consumer.atom;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Atom feeds of a service: one per taxonomy topic (public) and one per subscription (its
 * caller checks the subscription's read token), each the latest {@code perFeed} papers, served from
 * the in-memory {@link FeedStore} that {@link FeedReaders} keeps filled, never by reading Kafka per
 * request. A document is rendered once per change of its feed and cached with its ETag (SHA-256 of
 * the bytes); a request whose {@code If-None-Match} or {@code If-Modified-Since} shows the reader has
 * it is answered 304.
 */
public final class AtomFeeds implements AutoCloseable {

    private static final int RENDERED_CACHE = 2_000;

    private final FeedSettings settings;
    private final Map<String, TopicDefinition> topics = new LinkedHashMap<>();
    private final FeedStore store;
    private final FeedMetrics metrics;
    private final FeedReaders readers;
    private final AtomFeedWriter writer;
    private final Instant started;
    private final Map<String, Rendered> rendered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
            return size() > RENDERED_CACHE;
        }
    };

    /** Feeds filled from Kafka; call {@link #start}. */
    public AtomFeeds(FeedSettings settings, KafkaClients clients, Taxonomy taxonomy, MeterRegistry registry) {
        this(settings, taxonomy, new FeedStore(settings.perFeed(), settings.maxFeeds()), clients, registry,
                Clock.systemUTC());
    }

    /** Feeds over a store filled by the caller (tests); {@code clients} null: no readers. */
    AtomFeeds(FeedSettings settings, Taxonomy taxonomy, FeedStore store, KafkaClients clients, MeterRegistry registry,
              Clock clock) {
        this.settings = settings;
        taxonomy.topics().forEach(t -> topics.put(t.id(), t));
        this.store = store;
        this.metrics = new FeedMetrics(registry, store);
        this.readers = clients == null ? null : new FeedReaders(clients, taxonomy, settings, store, metrics, clock);
        Map<String, String> names = new LinkedHashMap<>();
        topics.values().forEach(t -> names.put(t.id(), t.name()));
        this.writer = new AtomFeedWriter(names, settings.publicUrl() + "/topics");
        this.started = clock.instant();
    }

    public AtomFeeds start() {
        if (readers != null) {
            readers.start();
        }
        return this;
    }

    /** Waits until the readers have read what the topics held when called (tests, start-up). */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return readers == null || readers.awaitCaughtUp(timeout);
    }

    /** The feed of a taxonomy topic, or empty when the taxonomy has no such topic. */
    public Optional<FeedAnswer> topic(String topicId, ConditionalRequest request) {
        TopicDefinition topic = topics.get(topicId);
        if (topic == null) {
            return Optional.empty();
        }
        String base = settings.publicUrl();
        FeedHead head = new FeedHead(AtomFeedWriter.TAG_PREFIX + "topic:" + topic.id(), "paperfeed: " + topic.name(),
                topic.description().isBlank() ? null : topic.description(), base + "/topics/" + topic.id() + "/feed.atom",
                base + "/subscribe?topic=" + topic.id());
        return Optional.of(answer("topic", FeedKeys.topic(topicId), head, request, EntryLinks.NONE));
    }

    /** The feed of a subscription (its read token already checked), without links under its entries. */
    public FeedAnswer subscription(Subscription subscription, ConditionalRequest request) {
        return subscription(subscription, request, EntryLinks.NONE);
    }

    /** The feed of a subscription (its read token already checked), with {@code links} under each entry. */
    public FeedAnswer subscription(Subscription subscription, ConditionalRequest request, EntryLinks links) {
        return subscription(subscription.id(), subscription.name(), describe(subscription), request, links);
    }

    /** The feed of a subscription by id, name and what it is about (a built-in one has no record, nor links). */
    public FeedAnswer subscription(String id, String name, String about, ConditionalRequest request) {
        return subscription(id, name, about, request, EntryLinks.NONE);
    }

    private FeedAnswer subscription(String id, String name, String about, ConditionalRequest request, EntryLinks links) {
        String base = settings.publicUrl();
        FeedHead head = new FeedHead(AtomFeedWriter.TAG_PREFIX + "subscription:" + id, "paperfeed: " + name, about,
                base + "/subscriptions/" + id + "/feed.atom", base + "/subscribe");
        return answer("subscription", FeedKeys.subscription(id), head, request, links);
    }

    private FeedAnswer answer(String kind, String key, FeedHead head, ConditionalRequest request, EntryLinks links) {
        Rendered document = render(key, head, links);
        boolean notModified = request.notModified(document.etag, document.lastModified);
        metrics.request(kind, notModified ? 304 : 200);
        return new FeedAnswer(notModified ? 304 : 200, notModified ? new byte[0] : document.bytes, document.etag,
                document.lastModified);
    }

    private Rendered render(String key, FeedHead head, EntryLinks links) {
        FeedSnapshot snapshot = store.get(key);
        synchronized (rendered) {
            Rendered cached = rendered.get(key);
            if (cached != null && cached.version == snapshot.version() && cached.head.equals(head)
                    && cached.links.equals(links.version())) {
                return cached;
            }
        }
        byte[] bytes = writer.write(head, snapshot, started, links);
        Instant lastModified = snapshot.lastModified() != null ? snapshot.lastModified() : started;
        Rendered fresh = new Rendered(snapshot.version(), head, links.version(), bytes, etag(bytes), lastModified);
        synchronized (rendered) {
            rendered.put(key, fresh);
        }
        return fresh;
    }

    private static String describe(Subscription s) {
        StringBuilder text = new StringBuilder();
        if (s.hasQuery()) {
            text.append("papers matching ").append(s.query());
        }
        if (!s.topics().isEmpty()) {
            text.append(text.length() == 0 ? "papers in " : ", in ").append(String.join(" or ", s.topics()));
        }
        return text.toString();
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Null while the readers read, else why not (for {@code /health}). */
    public String problem() {
        return readers == null ? null : readers.problem();
    }

    @Override
    public void close() throws InterruptedException {
        if (readers != null) {
            readers.close();
        }
    }

    private record Rendered(long version, FeedHead head, String links, byte[] bytes, String etag, Instant lastModified) {
    }

}
