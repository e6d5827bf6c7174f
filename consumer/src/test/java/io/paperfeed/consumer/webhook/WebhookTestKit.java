package io.paperfeed.consumer.webhook;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The parts of webhook delivery without Kafka or HTTP: a subscription view over a {@code MockConsumer}, a
 * {@code MockProducer} for hand-offs, a {@link FakeSender} scripted per URL, a clock the test moves, and a
 * dispatcher over them.
 */
final class WebhookTestKit implements AutoCloseable {

    static final WebhookTopicNames TOPICS = WebhookTopicNames.prefixed("kit");
    static final String SECRET = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=";

    final MutableClock clock = new MutableClock(Instant.parse("2025-08-20T06:00:00Z"));
    final FakeSender sender = new FakeSender();
    final MockProducer<String, byte[]> producer;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ExecutorService pool = Executors.newFixedThreadPool(8);
    final HostSlots slots;
    final SubscriptionView view;
    final WebhookDispatcher dispatcher;

    /** @param autoComplete whether every hand-off is acknowledged at once */
    WebhookTestKit(boolean autoComplete, int perHost, int queuedPerHost, List<Subscription> subscriptions)
            throws InterruptedException {
        producer = new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
        slots = new HostSlots(perHost, queuedPerHost, pool);
        view = view(subscriptions);
        SubscriptionPublisher publisher = new SubscriptionPublisher(new MockProducer<>(true, null,
                new StringSerializer(), PaperSerdes.SUBSCRIPTION.serializer()), TOPICS.subscriptions(),
                SubscriptionValidator.anyTopic());
        dispatcher = new WebhookDispatcher(sender, producer, view, publisher,
                new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)), 0), TOPICS,
                new WebhookMetrics(registry, () -> 0), pool, slots, clock,
                List.of(Duration.ofMillis(20), Duration.ofMillis(20)));
    }

    /** A subscription with one webhook to {@code url}. */
    static Subscription hooked(String id, String url) {
        return new Subscription(id, null, null, List.of("kv-cache"), Subscription.Mode.INSTANT, false,
                List.of(Delivery.webhook(url, SECRET, null)));
    }

    static Delivery webhook(String url) {
        return Delivery.webhook(url, SECRET, null);
    }

    private static SubscriptionView view(List<Subscription> subscriptions) throws InterruptedException {
        String topic = TOPICS.subscriptions();
        TopicPartition p0 = new TopicPartition(topic, 0);
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(topic, List.of(new PartitionInfo(topic, 0, new Node(0, "h", 1), null, null)));
        consumer.updateBeginningOffsets(Map.of(p0, 0L));
        consumer.updateEndOffsets(Map.of(p0, (long) subscriptions.size()));
        for (int i = 0; i < subscriptions.size(); i++) {
            Subscription s = subscriptions.get(i);
            long offset = i;
            consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(topic, 0, offset, s.id(),
                    PaperSerdes.SUBSCRIPTION.serialize(topic, s))));
        }
        SubscriptionView view = new SubscriptionView("kit-view", consumer, topic, SubscriptionValidator.anyTopic())
                .start();
        if (!view.awaitCaughtUp(Duration.ofSeconds(10))) {
            throw new IllegalStateException("the test view did not catch up");
        }
        return view;
    }

    /** The hand-offs sent to a topic so far. */
    List<org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>> sent(String topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    @Override
    public void close() throws InterruptedException {
        sender.releaseAll();
        pool.shutdownNow();
        view.close();
    }

    /** A clock that moves when the test says. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /**
     * A webhook sender scripted per URL: delivered by default; {@link #answer} sets what a URL gets;
     * {@link #hang} makes its requests wait until {@link #releaseAll}.
     */
    static final class FakeSender implements WebhookSender {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        private final Map<String, Function<String, SendResult>> answers = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> hanging = new ConcurrentHashMap<>();

        void answer(String url, Function<String, SendResult> answer) {
            answers.put(url, answer);
        }

        void hang(String url) {
            hanging.put(url, new CountDownLatch(1));
        }

        void releaseAll() {
            hanging.values().forEach(CountDownLatch::countDown);
        }

        long callsTo(String url) {
            return calls.stream().filter(c -> c.startsWith(url + " ")).count();
        }

        @Override
        public SendResult send(String url, String messageId, byte[] body, WebhookSigner signer) {
            calls.add(url + " " + messageId);
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                CountDownLatch latch = hanging.get(url);
                if (latch != null && !latch.await(30, TimeUnit.SECONDS)) {
                    return SendResult.failed("no complete answer within 30000 ms");
                }
                return answers.getOrDefault(url, id -> SendResult.ofStatus(200, java.util.Optional.empty()))
                        .apply(messageId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SendResult.failed("interrupted");
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public void close() {
            releaseAll();
        }
    }
}
