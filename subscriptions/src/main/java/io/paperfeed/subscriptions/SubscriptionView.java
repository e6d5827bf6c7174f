package io.paperfeed.subscriptions;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.kafka.TopicReader;
import io.paperfeed.model.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The materialised view of {@code paperfeed.subscriptions} in a service: a {@link TopicReader} reads the
 * compacted topic from its beginning into a {@link SubscriptionTable} (its rules: key = id, tombstones,
 * disabled kept, unreadable records counted) and keeps it up to date. One per process, shared by the
 * API and webhook delivery.
 *
 * <p>Waits: {@link #awaitCaughtUp} before serving (everything published before the call is in the view),
 * {@link #awaitPast} after a write (read-your-writes: the record the {@link SubscriptionPublisher} wrote
 * is in the view).
 */
public final class SubscriptionView implements AutoCloseable {

    /** Counter of unreadable records, tagged with the view's name. */
    public static final String UNREADABLE = "paperfeed.subscriptions.unreadable";

    private final String name;
    private final String topic;
    private final SubscriptionTable table;
    private final SubscriptionSecrets secrets;
    private final TopicReader reader;

    /**
     * @param consumer a group-less consumer, owned by the view ({@code MockConsumer} in tests)
     */
    public SubscriptionView(String name, Consumer<String, byte[]> consumer, String topic,
                            SubscriptionValidator validator) {
        this(name, consumer, topic, validator, new SubscriptionSecrets(SecretKeys.none()));
    }

    /**
     * @param consumer a group-less consumer, owned by the view ({@code MockConsumer} in tests)
     * @param secrets  opens the webhook secrets the process has the key of
     */
    public SubscriptionView(String name, Consumer<String, byte[]> consumer, String topic,
                            SubscriptionValidator validator, SubscriptionSecrets secrets) {
        this.name = name;
        this.topic = topic;
        this.table = new SubscriptionTable(validator, secrets);
        this.secrets = secrets;
        this.reader = new TopicReader(name, consumer, List.of(topic), TopicReader.StartPosition.beginning(),
                record -> table.apply(record.key(), record.value(),
                        record.topic() + "-" + record.partition() + "@" + record.offset()));
    }

    /** A view of {@code topic} with a reader of its own from {@code clients}. */
    public static SubscriptionView open(KafkaClients clients, String name, String topic,
                                        SubscriptionValidator validator) {
        return open(clients, name, topic, validator, new SubscriptionSecrets(SecretKeys.none()));
    }

    /** A view of {@code topic} with a reader of its own, opening secrets with {@code secrets}. */
    public static SubscriptionView open(KafkaClients clients, String name, String topic,
                                        SubscriptionValidator validator, SubscriptionSecrets secrets) {
        return new SubscriptionView(name, clients.reader(name, new StringDeserializer(), new ByteArrayDeserializer(),
                Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50)), topic, validator, secrets);
    }

    /** Starts reading; returns this. */
    public SubscriptionView start() {
        reader.start();
        return this;
    }

    /** Counts the unreadable records ({@value #UNREADABLE}, tag {@code view}). */
    public SubscriptionView bindTo(MeterRegistry registry) {
        FunctionCounter.builder(UNREADABLE, table, SubscriptionTable::unreadable)
                .description("Records of paperfeed.subscriptions that are not a valid subscription")
                .tag("view", name)
                .register(registry);
        return this;
    }

    public String topic() {
        return topic;
    }

    /** The keys the view opens webhook secrets with (a writer beside it seals with the same). */
    public SubscriptionSecrets secrets() {
        return secrets;
    }

    public Optional<Subscription> get(String id) {
        return table.get(id);
    }

    /** Every subscription, disabled ones included, by id. */
    public List<Subscription> all() {
        return table.all();
    }

    /** How many unreadable records the view skipped. */
    public long unreadable() {
        return table.unreadable();
    }

    /** Waits until everything on the topic as of now is in the view; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return reader.awaitCaughtUp(timeout);
    }

    /** The view holds every subscription published before this instant. */
    public Instant caughtUpAsOf() {
        return reader.caughtUpAsOf();
    }

    /** Waits until the record a publisher wrote is in the view; false on timeout. */
    public boolean awaitPast(RecordMetadata written, Duration timeout) throws InterruptedException {
        return reader.awaitPast(new TopicPartition(written.topic(), written.partition()), written.offset(), timeout);
    }

    /** Null while the view reads, else why not (for {@code /health}). */
    public String problem() {
        if (!reader.running()) {
            return "the subscription view " + name + " stopped (see the log); subscription changes are not seen";
        }
        String problem = reader.problem();
        return problem == null ? null : "the subscription view " + name + " cannot read " + topic + ": " + problem;
    }

    @Override
    public void close() throws InterruptedException {
        reader.close();
    }
}
