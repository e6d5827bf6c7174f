package io.paperfeed.consumer.sse;

/** The Kafka topic behind an event stream cannot be read (missing, or Kafka not answering). */
public final class StreamUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StreamUnavailableException(String message) {
        super(message);
    }
}
