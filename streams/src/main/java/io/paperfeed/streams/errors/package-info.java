/**
 * The streams app's exception handlers: {@link io.paperfeed.streams.errors.UnreadableRecordHandler}
 * (deserialization) and {@link io.paperfeed.streams.errors.FailedRecordHandler} (processing, KIP-1033)
 * turn a record that cannot be read or processed into a dead letter on {@code paperfeed.papers.invalid}
 * ({@code InvalidItem}: source {@code kafka:<topic>/<partition>@<offset>}, the reason, the exception, the
 * bytes as excerpt), written by Kafka Streams in the task's transaction, counted in
 * {@code paperfeed.dead.letters{topic}}, and processing resumes. {@code DeadLetterHandlers.configure}
 * sets both in a configuration.
 */
package io.paperfeed.streams.errors;
