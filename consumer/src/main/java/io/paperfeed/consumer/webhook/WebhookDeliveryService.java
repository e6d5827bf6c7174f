package io.paperfeed.consumer.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook delivery as one service: the subscription view, the alert loop (group {@code groupId}),
 * the retry worker (group {@code groupId-retry}), the HTTP sender and one idempotent producer for the
 * retry, dead-letter and subscriptions topics. {@link #start} returns once the view has caught up
 * with the subscriptions topic; {@link #close} stops at once, and whatever was not settled and
 * committed is delivered again by the next instance.
 */
public final class WebhookDeliveryService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryService.class);
    /** Retries held in memory at most by the retry worker before it pauses its partitions. */
    private static final int MAX_PENDING_RETRIES = 10_000;

    private final WebhookSettings settings;
    private final SubscriptionView view;
    private final KafkaProducer<String, byte[]> producer;
    private final WebhookSender sender;
    private final ExecutorService pool;
    private final AlertDeliveryLoop alerts;
    private final RetryWorker retries;
    private final Thread alertThread;
    private final Thread retryThread;
    private volatile boolean started;
    private volatile boolean closing;

    public WebhookDeliveryService(WebhookSettings settings, MeterRegistry registry) {
        this.settings = settings;
        Clock clock = Clock.systemUTC();
        this.view = new SubscriptionView(settings.bootstrapServers(), settings.topics().subscriptions());
        this.producer = new KafkaProducer<>(settings.producerProperties(), new StringSerializer(),
                new ByteArraySerializer());
        this.sender = new HttpWebhookSender(new AddressGuard(settings.allowLoopback()), settings.connectTimeout(),
                settings.requestTimeout(), settings.concurrency(), clock);
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "paperfeed-webhook-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        RetryWorker[] worker = new RetryWorker[1];
        WebhookMetrics metrics = new WebhookMetrics(registry, () -> worker[0] == null ? 0 : worker[0].pending());
        WebhookDispatcher dispatcher = new WebhookDispatcher(sender, producer, view, settings.schedule(),
                settings.topics(), metrics, pool, clock);
        this.alerts = new AlertDeliveryLoop(consumer(settings.groupId()), settings.topics().alerts(), view, dispatcher);
        this.retries = new RetryWorker(consumer(settings.groupId() + "-retry"), settings.topics().retry(), view,
                dispatcher, clock, MAX_PENDING_RETRIES, Math.max(1, settings.concurrency() / 2));
        worker[0] = retries;
        this.alertThread = new Thread(alerts, "paperfeed-webhook-alerts");
        this.retryThread = new Thread(retries, "paperfeed-webhook-retries");
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        return new KafkaConsumer<>(settings.consumerProperties(group), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /**
     * Reads the subscriptions to their end, then starts delivering.
     *
     * @throws IllegalStateException when the subscriptions were not read within the timeout
     */
    public void start(Duration catchUpTimeout) throws InterruptedException {
        view.start();
        if (!view.awaitCaughtUp(catchUpTimeout)) {
            throw new IllegalStateException("the subscriptions topic " + settings.topics().subscriptions()
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
            return "the webhook alert loop stopped (see the log); alerts wait in Kafka until a restart";
        }
        if (!retryThread.isAlive()) {
            return "the webhook retry worker stopped (see the log); retries wait in Kafka until a restart";
        }
        if (!view.running()) {
            return "the webhook subscription view stopped (see the log); new subscriptions are not seen";
        }
        return null;
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
        view.close();
    }
}
