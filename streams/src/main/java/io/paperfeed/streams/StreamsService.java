package io.paperfeed.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import io.paperfeed.model.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import io.paperfeed.streams.errors.DeadLetterHandlers;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the topology: starts and closes {@link KafkaStreams}, binds its metrics, and tells whether
 * it is healthy. An uncaught exception is logged and shuts this client down (health turns red)
 * rather than silently replacing threads.
 */
public final class StreamsService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsService.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile Runnable onError = () -> { };

    /** The app over the cluster's exchange topic, whose partition count is dedup's parallelism. */
    public StreamsService(StreamsSettings settings, MeterRegistry registry) {
        this(settings, exchangePartitions(settings), registry);
    }

    /** The app for an exchange topic of this many partitions (read from the cluster by the other constructor). */
    public StreamsService(StreamsSettings settings, int exchangePartitions, MeterRegistry registry) {
        PipelineMetrics metrics = new PipelineMetrics();
        metrics.bindTo(registry);
        metrics.topics(settings.taxonomy().topics().stream().map(TopicDefinition::id).toList());
        GlobalStoreRestores restores = new GlobalStoreRestores();
        Topology topology = PaperFeedTopology.build(settings, metrics, settings.dedup(exchangePartitions), restores);
        Properties properties = settings.toProperties();
        DeadLetterHandlers.configure(properties, metrics::deadLetter);
        this.streams = new KafkaStreams(topology, properties);
        this.streams.setGlobalStateRestoreListener(restores); // the loaders then register restored records in bulk
        this.streams.setUncaughtExceptionHandler(e -> {
            log.error("streams thread failed; shutting down the streams client", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        this.streams.setStateListener((next, previous) -> {
            log.info("streams state {} -> {}", previous, next);
            if (next == KafkaStreams.State.RUNNING) {
                running.countDown();
            } else if (next == KafkaStreams.State.ERROR) {
                onError.run();
            }
        });
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        this.streamsMetrics.bindTo(registry);
    }

    /**
     * The exchange topic's partition count: dedup's parallelism. The topic is created at start-up with
     * the others ({@code TopicSetup}); dedup's routing is a function of this count, so it is read from
     * the cluster rather than configured twice.
     */
    static int exchangePartitions(StreamsSettings settings) {
        String topic = Topics.DEDUP_EXCHANGE.name();
        try (Admin admin = settings.clients().admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(60, TimeUnit.SECONDS).get(topic);
            return description.partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topic + " (it is created at start-up with the"
                    + " other topics): " + e.getMessage(), e);
        }
    }

    /**
     * What to do when the app reaches ERROR (a stream thread failed and the client shut down): it will
     * not process again in this process, so a service exits and lets its supervisor restart it.
     */
    public void onError(Runnable action) {
        this.onError = action;
    }

    public void start() {
        streams.start();
    }

    /** Waits until the app is RUNNING; false on timeout. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * RUNNING only: while the app is CREATED, REBALANCING (restoring state, or waiting for its
     * tasks), PENDING_ERROR, ERROR or shut down, it processes nothing, and health says so.
     */
    public boolean isHealthy() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Closes the app and leaves the consumer group, so the other instances (or the next start) take
     * over its tasks at once instead of after the session timeout.
     */
    @Override
    public void close() {
        streamsMetrics.close();
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
