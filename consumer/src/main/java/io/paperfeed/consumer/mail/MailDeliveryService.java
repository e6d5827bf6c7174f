package io.paperfeed.consumer.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.consumer.DeadLetterWriter;
import io.paperfeed.consumer.render.RatingLinks;
import io.paperfeed.consumer.webhook.RetryWorker;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.MailRetry;
import io.paperfeed.subscriptions.SubscriptionView;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
 * E-mail delivery as one service: the loop over alerts and digests (group {@code paperfeed-mail}), the
 * retry worker webhooks use too, on {@code paperfeed.mail.retry} (group {@code paperfeed-mail-retry}),
 * the SMTP sender, and one idempotent producer for the retry and dead-letter topics. A digest or mail
 * retry record that cannot be read is dead-lettered to {@code paperfeed.papers.invalid} (stage {@code mail})
 * and committed past, as the webhooks' retry worker does (an unreadable alert is the alert consumer's). It reads
 * subscriptions from the process's {@link SubscriptionView} (not owned).
 */
public final class MailDeliveryService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailDeliveryService.class);
    private static final int MAX_PENDING_RETRIES = 10_000;

    private final MailSettings settings;
    private final SubscriptionView view;
    private final KafkaClients clients;
    private final Producer<String, byte[]> producer;
    private final ExecutorService pool;
    private final MailDeliveryLoop loop;
    private final RetryWorker<MailRetry> retries;
    private final Thread loopThread;
    private final Thread retryThread;
    private volatile boolean started;
    private volatile boolean closing;
    private volatile java.util.function.Consumer<String> onFailure = why -> { };

    /**
     * @param topicNames  the taxonomy's topic names by id, for the why of each paper
     * @param unsubscribe the links that let a reader stop the mails
     * @param rating      the "more like this" and "not this" links under each paper
     */
    public MailDeliveryService(MailSettings settings, KafkaClients clients, SubscriptionView view,
                               Map<String, String> topicNames, UnsubscribeLinks unsubscribe, RatingLinks rating,
                               MeterRegistry registry) {
        this(settings, clients, view, topicNames, unsubscribe, rating, registry, null);
    }

    /** With another sender (tests). */
    MailDeliveryService(MailSettings settings, KafkaClients clients, SubscriptionView view, Map<String, String> topicNames,
                        UnsubscribeLinks unsubscribe, RatingLinks rating, MeterRegistry registry, MailSender sender) {
        this.settings = settings;
        this.view = view;
        this.clients = clients;
        Clock clock = Clock.systemUTC();
        SmtpMailSender smtp = new SmtpMailSender(settings);
        MailComposer composer = new MailComposer(smtp.session(), settings.from(), settings.publicUrl(), topicNames,
                unsubscribe, rating);
        this.producer = clients.producer("paperfeed-mail", new StringSerializer(), new ByteArraySerializer());
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "paperfeed-mail-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        MailDispatcher dispatcher = new MailDispatcher(sender == null ? smtp : sender, composer, producer, view, settings,
                new MailMetrics(registry), pool, clock);
        MailSettings.Topics topics = settings.topics();
        DeadLetterWriter letters = new DeadLetterWriter(producer, "mail", registry, topics.digests(), topics.retry());
        this.loop = new MailDeliveryLoop(consumer(settings.groupId()), topics, view, dispatcher, letters);
        this.retries = new RetryWorker<>(consumer(settings.groupId() + "-retry"), topics.retry(),
                new MailRetries(dispatcher), letters, clock, MAX_PENDING_RETRIES, Math.max(1, settings.concurrency() / 2));
        this.loopThread = new Thread(() -> runAndReport(loop, loop::problem), "paperfeed-mail-loop");
        this.retryThread = new Thread(() -> runAndReport(retries, retries::problem), "paperfeed-mail-retries");
    }

    private void runAndReport(Runnable part, Supplier<String> problem) {
        part.run();
        String why = problem.get();
        if (why != null && !closing) {
            onFailure.accept(why);
        }
    }

    /** Few records a poll, so that a batch is settled well within the poll interval even when the server is slow. */
    private Consumer<String, byte[]> consumer(String group) {
        return clients.groupConsumer(group, group, new StringDeserializer(), new ByteArrayDeserializer(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2 * settings.concurrency(),
                        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000));
    }

    /** Reads the subscriptions to their end, then starts mailing (a part that stops shows in {@link #problem}). */
    public void start(Duration catchUpTimeout) throws InterruptedException {
        start(catchUpTimeout, why -> { });
    }

    /**
     * Reads the subscriptions to their end, then starts mailing.
     *
     * @param onFailure told why when the mail loop or the retry worker stops on its own (a hand-off that
     *                  failed for good, a Kafka error): mail has stopped, and the process should exit so
     *                  that its supervisor restarts it
     */
    public void start(Duration catchUpTimeout, java.util.function.Consumer<String> onFailure) throws InterruptedException {
        this.onFailure = onFailure;
        if (!view.awaitCaughtUp(catchUpTimeout)) {
            throw new IllegalStateException("the subscriptions topic " + view.topic() + " was not read to its end within "
                    + catchUpTimeout.toSeconds() + " s");
        }
        loopThread.start();
        retryThread.start();
        started = true;
        log.info("mail delivery started ({})", settings);
    }

    /** Null while mailing, else why not (for {@code /health}). */
    public String problem() {
        if (!started || closing) {
            return null;
        }
        if (!loopThread.isAlive()) {
            String why = loop.problem();
            return (why == null ? "the mail loop stopped" : why) + " (see the log); mails wait in Kafka until a restart";
        }
        if (!retryThread.isAlive()) {
            String why = retries.problem();
            return (why == null ? "the mail retry worker stopped" : why)
                    + " (see the log); retries wait in Kafka until a restart";
        }
        return view.problem();
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        loop.stop();
        retries.stop();
        pool.shutdownNow();
        loopThread.join(10_000);
        retryThread.join(10_000);
        producer.close(Duration.ofSeconds(5));
    }
}
