package io.paperfeed.app.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.paperfeed.producer.FeedPublisher;
import io.paperfeed.producer.FileReport;
import io.paperfeed.producer.ProducerMetrics;
import io.paperfeed.producer.ProducerSettings;
import io.paperfeed.producer.PublishReport;
import io.paperfeed.producer.parse.FeedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes feed files with a Kafka producer of its own and prints one summary line per file. */
public final class Publishing {

    private Publishing() {
    }

    public static PublishReport publish(String bootstrapServers, List<Path> inputs, MeterRegistry registry,
                                        PrintStream out) throws IOException {
        ProducerSettings settings = new ProducerSettings(bootstrapServers, "paperfeed-producer");
        try (var producer = new KafkaProducer<>(settings.toProperties(), new StringSerializer(), new ByteArraySerializer());
             var clientMetrics = new KafkaClientMetrics(producer)) {
            clientMetrics.bindTo(registry);
            FeedPublisher publisher = new FeedPublisher(producer, new FeedReader(), new ProducerMetrics(registry),
                    Clock.systemUTC());
            PublishReport report = publisher.publish(inputs);
            for (FileReport file : report.files()) {
                out.println(file.summary());
            }
            out.printf("published %d papers and %d invalid items from %d files%n",
                    report.papers(), report.invalid(), report.files().size());
            return report;
        }
    }
}
