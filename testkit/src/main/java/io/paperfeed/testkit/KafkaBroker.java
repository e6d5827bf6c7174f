package io.paperfeed.testkit;

/** A real Kafka broker handed to a test. */
public interface KafkaBroker extends AutoCloseable {

    /** {@code host:port} for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** {@code testcontainers} or {@code embedded}. */
    String kind();

    @Override
    void close();
}
