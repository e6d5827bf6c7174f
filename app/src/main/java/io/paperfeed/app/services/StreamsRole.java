package io.paperfeed.app.services;

import io.paperfeed.app.ops.HealthCheck;
import io.paperfeed.app.ops.StreamsHealthCheck;
import io.paperfeed.consumer.DeadLetterWriter;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.SubscriptionValidator;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.paperfeed.streams.StreamsService;
import io.paperfeed.streams.StreamsSettings;

/**
 * The streams app in a process ({@code paperfeed streams}, the demo): its topology running, in
 * {@code /health}, and a process that exits non-zero when the app reaches ERROR, so a supervisor restarts it;
 * beside it the {@link DeadLetterAudit} of the topics only group-less readers read.
 */
public final class StreamsRole {

    private StreamsRole() {
    }

    /** Creates and starts the streams app and the dead-letter audit; they are closed with the lifecycle. */
    public static StreamsService start(ServiceContext context, StreamsSettings settings) {
        StreamsService streams = context.lifecycle().add(new StreamsService(settings, context.metrics().registry()));
        context.server().addCheck(new StreamsHealthCheck(streams));
        streams.onError(() -> context.lifecycle().fail("the streams app stopped in state ERROR (see the log)"));
        streams.start();
        startAudit(context, SubscriptionValidator.of(settings.taxonomy()));
        return streams;
    }

    /** The dead letters of the topics only group-less readers read ({@link DeadLetterAudit}). */
    private static void startAudit(ServiceContext context, SubscriptionValidator validator) {
        KafkaClients clients = context.clients();
        Producer<String, byte[]> producer = clients.producer("paperfeed-dead-letters", new StringSerializer(),
                new ByteArraySerializer());
        DeadLetterWriter writer = new DeadLetterWriter(producer, "audit", context.metrics().registry(),
                Topics.SUBSCRIPTIONS.name(), Topics.FEEDBACK.name(), Topics.PAPERS_CLASSIFIED.name());
        DeadLetterAudit audit = new DeadLetterAudit(clients.groupConsumer(DeadLetterAudit.GROUP,
                DeadLetterAudit.GROUP, new StringDeserializer(), new ByteArrayDeserializer(), Map.of()), writer, validator);
        Thread thread = new Thread(() -> {
            audit.run();
            if (audit.problem() != null) {
                context.lifecycle().fail(audit.problem());
            }
        }, "paperfeed-dead-letter-audit");
        context.server().addCheck(HealthCheck.of("dead-letters", audit::problem));
        context.lifecycle().add(() -> producer.close(Duration.ofSeconds(5)));
        context.lifecycle().add(() -> {
            audit.close();
            thread.join(10_000);
        });
        thread.start();
    }
}
