package io.paperfeed.streams.errors;

import io.paperfeed.model.topics.DeadLetters;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record of a source topic (the canonical topic, a repartition topic) whose bytes are not its
 * record type: dead-lettered, and processing resumes with the next record.
 */
public final class UnreadableRecordHandler implements DeserializationExceptionHandler {

    private Consumer<String> onDeadLetter = topic -> { };

    @Override
    public void configure(Map<String, ?> configs) {
        onDeadLetter = DeadLetterHandlers.callback(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        return Response.resume(List.of(DeadLetterHandlers.letter(DeadLetters.UNREADABLE, context, exception,
                onDeadLetter)));
    }
}
