package io.paperfeed.streams.errors;

import io.paperfeed.model.topics.DeadLetters;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A record that a processor failed on (KIP-1033): its source record is dead-lettered, and processing
 * resumes with the next record, so one record that breaks a processor cannot stop the app.
 */
public final class FailedRecordHandler implements ProcessingExceptionHandler {

    private Consumer<String> onDeadLetter = topic -> { };

    @Override
    public void configure(Map<String, ?> configs) {
        onDeadLetter = DeadLetterHandlers.callback(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        return Response.resume(List.of(DeadLetterHandlers.letter(DeadLetters.FAILED, context, exception,
                onDeadLetter)));
    }
}
