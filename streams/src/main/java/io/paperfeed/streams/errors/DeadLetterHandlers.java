package io.paperfeed.streams.errors;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.topics.DeadLetters;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the streams app's exception handlers share: building the dead letter of the record in an
 * {@link ErrorHandlerContext} (its source topic, partition, offset and raw bytes, and why), logging it
 * and telling the metrics. The letter is returned to Kafka Streams, which writes it to
 * {@code paperfeed.papers.invalid} in the task's transaction: with exactly-once, a bad record is
 * dead-lettered exactly once and the offsets move past it.
 */
public final class DeadLetterHandlers {

    /** The config key under which {@link #configure} passes the dead-letter callback to the handlers. */
    static final String ON_DEAD_LETTER = "paperfeed.on.dead.letter";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandlers.class);

    private DeadLetterHandlers() {
    }

    /**
     * Sets both handlers in a Kafka Streams configuration.
     *
     * @param onDeadLetter told the source topic of every letter written (for metrics); may be null
     */
    public static void configure(Properties streamsConfig, Consumer<String> onDeadLetter) {
        streamsConfig.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                UnreadableRecordHandler.class.getName());
        streamsConfig.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, FailedRecordHandler.class.getName());
        if (onDeadLetter != null) {
            streamsConfig.put(ON_DEAD_LETTER, onDeadLetter);
        }
    }

    @SuppressWarnings("unchecked")
    static Consumer<String> callback(Map<String, ?> configs) {
        Object value = configs.get(ON_DEAD_LETTER);
        return value instanceof Consumer<?> c ? (Consumer<String>) c : topic -> { };
    }

    static ProducerRecord<byte[], byte[]> letter(String reason, ErrorHandlerContext context, Exception exception,
                                                 Consumer<String> onDeadLetter) {
        String why = exception.getClass().getSimpleName() + ": " + exception.getMessage();
        InvalidItem letter = DeadLetters.of("streams", reason, context.topic(), context.partition(), context.offset(),
                context.timestamp(), context.sourceRawValue(), why);
        log.warn("{} at {}-{}@{} (processor {}, task {}) written to the invalid topic: {}", reason, context.topic(),
                context.partition(), context.offset(), context.processorNodeId(), context.taskId(), why);
        onDeadLetter.accept(context.topic());
        return DeadLetters.rawRecord(letter);
    }
}
