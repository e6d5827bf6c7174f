package io.paperfeed.app.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.producer.FeedPublisher;
import io.paperfeed.producer.FileReport;
import io.paperfeed.producer.ProducerMetrics;
import io.paperfeed.producer.PublishReport;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.source.Checkpoint;
import io.paperfeed.producer.source.FeedSource;
import io.paperfeed.producer.source.PollLoop;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes feed sources with a Kafka producer of its own and prints one summary line per document:
 * once (files and folders, as the demo does; or any sources with a checkpoint), or in a poll loop.
 */
public final class Publishing {

    private static final String CLIENT_ID = "paperfeed-producer";

    private Publishing() {
    }

    /** Publishes every item of the files and folders once, remembering nothing (the demo). */
    public static PublishReport publish(KafkaClients clients, List<Path> inputs, MeterRegistry registry,
                                        PrintStream out) throws IOException {
        try (var producer = producer(clients); var clientMetrics = new KafkaClientMetrics(producer)) {
            clientMetrics.bindTo(registry);
            PublishReport report = publisher(producer, new FeedReader(), registry).publish(inputs);
            print(report, out, true);
            return report;
        }
    }

    /** Fetches every source once and publishes what the checkpoint does not know yet, then saves it. */
    public static PublishReport publish(KafkaClients clients, List<FeedSource> sources, Checkpoint checkpoint,
                                        FeedReader reader, MeterRegistry registry, PrintStream out)
            throws InterruptedException {
        try (var producer = producer(clients); var clientMetrics = new KafkaClientMetrics(producer)) {
            clientMetrics.bindTo(registry);
            PublishReport report = publisher(producer, reader, registry).publish(sources, checkpoint);
            print(report, out, true);
            return report;
        }
    }

    /**
     * Fetches, publishes and checkpoints every {@code interval} until the lifecycle closes (Ctrl-C,
     * SIGTERM); returns then. The producer and the loop are closed by the lifecycle, loop first.
     */
    public static void poll(KafkaClients clients, List<FeedSource> sources, Checkpoint checkpoint, FeedReader reader,
                            Duration interval, MeterRegistry registry, PrintStream out, Lifecycle lifecycle) {
        Producer<String, byte[]> producer = lifecycle.add(producer(clients));
        lifecycle.add(new KafkaClientMetrics(producer)).bindTo(registry);
        FeedPublisher publisher = publisher(producer, reader, registry);
        PollLoop loop = lifecycle.add(new PollLoop(interval,
                () -> print(publisher.publish(sources, checkpoint), out, false)));
        loop.run();
    }

    /**
     * The checkpoint in the file, scoped to the Kafka cluster's id, so the same file pointed at
     * another cluster starts afresh rather than skipping items that cluster never got.
     */
    public static Checkpoint checkpoint(Path file, KafkaClients clients) throws IOException, InterruptedException {
        try (Admin admin = clients.admin()) {
            String clusterId = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
            return Checkpoint.load(file, "kafka-cluster:" + clusterId);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot read the id of the Kafka cluster at " + clients.bootstrapServers() + ": "
                    + e, e);
        }
    }

    /**
     * Prints a run: one line per document ({@code everyDocument}) or per document that added
     * anything or failed, one per source not modified or failed, and a total.
     */
    static void print(PublishReport report, PrintStream out, boolean everyDocument) {
        for (FileReport file : report.files()) {
            if (everyDocument || file.eventful()) {
                out.println(file.summary());
            }
        }
        for (PublishReport.SourceStatus source : report.sources()) {
            if (source.error() != null || source.outcome().equals("not-modified")) {
                out.println(source.summary());
            }
        }
        out.printf("published %d papers and %d invalid items from %d files%s%n", report.papers(), report.invalid(),
                report.files().size(), report.skipped() > 0
                        ? "; skipped " + report.skipped() + " already published" : "");
    }

    private static Producer<String, byte[]> producer(KafkaClients clients) {
        return clients.producer(CLIENT_ID, new StringSerializer(), new ByteArraySerializer());
    }

    private static FeedPublisher publisher(Producer<String, byte[]> producer, FeedReader reader,
                                           MeterRegistry registry) {
        return new FeedPublisher(producer, reader, new ProducerMetrics(registry), Clock.systemUTC());
    }
}
