package io.paperfeed.consumer.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.consumer.DeadLetterWriter;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.WebhookRetry;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook delivery as one service: the alert loop (group {@code groupId}), the retry worker (group
 * {@code groupId-retry}), the HTTP sender, one idempotent producer for the retry and dead-letter topics
 * and a {@link SubscriptionPublisher} for the 410-Gone disable. It reads subscriptions from the
 * process's {@link SubscriptionView} (not owned). {@link #start} returns once the view has caught up
 * with the subscriptions topic; {@link #close} stops at once, and whatever was not settled and
 * committed is delivered again by the next instance.
 */
public final class WebhookDeliveryService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryService.class);
    /** Retries held in memory at most by the retry worker before it pauses its partitions. */
    private static final int MAX_PENDING_RETRIES = 10_000;
    /** Alerts read past a partition's committed offset before the alert loop pauses the partition. */
    private static final int MAX_UNCOMMITTED_ALERTS = 5_000;

    private final WebhookSettings settings;
    private final SubscriptionView view;
    private final Producer<String, byte[]> producer;
    private final SubscriptionPublisher publisher;
    private final KafkaClients clients;
    private final WebhookSender sender;
    private final ExecutorService pool;
    private final AlertDeliveryLoop alerts;
    private final RetryWorker<WebhookRetry> retries;
    private final Thread alertThread;
    private final Thread retryThread;
    private volatile boolean started;
    private volatile boolean closing;
    private volatile java.util.function.Consumer<String> onFailure = why -> log.error("webhook delivery stopped: {}", why);

    public WebhookDeliveryService(WebhookSettings settings, KafkaClients clients, SubscriptionView view,
                                  MeterRegistry registry) {
        this.settings = settings;
        this.clients = clients;
        this.view = view;
        Clock clock = Clock.systemUTC();
        this.producer = clients.producer("paperfeed-webhooks", new StringSerializer(), new ByteArraySerializer());
        this.publisher = SubscriptionPublisher.open(clients, "paperfeed-webhooks-disable", view.topic(),
                SubscriptionValidator.anyTopic(), view.secrets());
        this.sender = new HttpWebhookSender(new AddressGuard(settings.allowLoopback()), settings.connectTimeout(),
                settings.requestTimeout(), settings.concurrency(), clock);
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "paperfeed-webhook-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        RetryWorker<?>[] worker = new RetryWorker<?>[1];
        WebhookMetrics metrics = new WebhookMetrics(registry, () -> worker[0] == null ? 0 : worker[0].pending());
        HostSlots slots = new HostSlots(settings.perHost(), settings.queuedPerHost(), pool);
        WebhookDispatcher dispatcher = new WebhookDispatcher(sender, producer, view, publisher, settings.schedule(),
                settings.topics(), metrics, pool, slots, clock);
        this.alerts = new AlertDeliveryLoop(consumer(settings.groupId()), settings.topics().alerts(), view, dispatcher,
                MAX_UNCOMMITTED_ALERTS);
        DeadLetterWriter letters = new DeadLetterWriter(producer, "webhooks", registry, settings.topics().retry());
        this.retries = new RetryWorker<>(consumer(settings.groupId() + "-retry"), settings.topics().retry(),
                new WebhookRetries(view, dispatcher), letters, clock, MAX_PENDING_RETRIES,
                Math.max(1, settings.concurrency() / 2));
        worker[0] = retries;
        this.alertThread = new Thread(() -> runAndReport(alerts::run, alerts::problem), "paperfeed-webhook-alerts");
        this.retryThread = new Thread(() -> runAndReport(retries::run, retries::problem), "paperfeed-webhook-retries");
    }

    private void runAndReport(Runnable loop, java.util.function.Supplier<String> problem) {
        loop.run();
        String why = problem.get();
        if (why != null && !closing) {
            onFailure.accept(why);
        }
    }

    private Consumer<String, byte[]> consumer(String group) {
        return clients.groupConsumer(group, group, new StringDeserializer(), new ByteArrayDeserializer(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200,
                        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) WebhookSettings.MAX_POLL_INTERVAL.toMillis()));
    }

    /**
     * Reads the subscriptions to their end, then starts delivering.
     *
     * @param onFailure told why when the alert loop or the retry worker stops on its own (a hand-off that
     *                  failed for good, a Kafka error): delivery has stopped, and the process should exit so
     *                  that its supervisor restarts it
     * @throws IllegalStateException when the subscriptions were not read within the timeout
     */
    public void start(Duration catchUpTimeout, java.util.function.Consumer<String> onFailure)
            throws InterruptedException {
        this.onFailure = onFailure;
        start(catchUpTimeout);
    }

    /** As {@link #start(Duration, java.util.function.Consumer)}, a failure only logged and in {@link #problem}. */
    public void start(Duration catchUpTimeout) throws InterruptedException {
        if (!view.awaitCaughtUp(catchUpTimeout)) {
            throw new IllegalStateException("the subscriptions topic " + view.topic()
                    + " was not read to its end within " + catchUpTimeout.toSeconds() + " s");
        }
        alertThread.start();
        retryThread.start();
        started = true;
        log.info("webhook delivery started (group {}, {} requests at once, loopback {})", settings.groupId(),
                settings.concurrency(), settings.allowLoopback() ? "allowed" : "refused");
    }

    /**
     * Null while delivering, else why not: the alert loop or the retry worker stopped (a producer failure,
     * logged), so alerts wait in Kafka until a restart. For {@code /health}.
     */
    public String problem() {
        if (!started || closing) {
            return null;
        }
        if (!alertThread.isAlive()) {
            return (alerts.problem() == null ? "the webhook alert loop stopped" : alerts.problem())
                    + "; alerts wait in Kafka until a restart";
        }
        if (!retryThread.isAlive()) {
            return (retries.problem() == null ? "the webhook retry worker stopped" : retries.problem())
                    + "; retries wait in Kafka until a restart";
        }
        return view.problem();
    }

    /** Stops at once: attempts in flight are abandoned uncommitted and made again by the next instance. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        alerts.stop();
        retries.stop();
        pool.shutdownNow();
        sender.close();
        alertThread.join(10_000);
        retryThread.join(10_000);
        producer.close(Duration.ofSeconds(5));
        publisher.close();
    }
}
