package io.paperfeed.testkit;

import org.testcontainers.kafka.KafkaContainer;

/** Kafka in a container ({@code apache/kafka-native}), where a Docker engine answers. */
final class ContainerBroker implements KafkaBroker {

    /** Override with {@code -Dpaperfeed.test.kafka.image=...}. */
    static final String DEFAULT_IMAGE = "apache/kafka-native:4.3.1";

    private final KafkaContainer container;

    ContainerBroker() {
        container = new KafkaContainer(System.getProperty("paperfeed.test.kafka.image", DEFAULT_IMAGE));
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String kind() {
        return "testcontainers";
    }

    @Override
    public void close() {
        container.stop();
    }
}
