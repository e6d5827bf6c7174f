package io.paperfeed.testkit;

import io.paperfeed.broker.EmbeddedKafkaBroker;

/** The in-process KRaft broker, where no Docker engine answers. */
final class EmbeddedBroker implements KafkaBroker {

    private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        broker.close();
    }
}
