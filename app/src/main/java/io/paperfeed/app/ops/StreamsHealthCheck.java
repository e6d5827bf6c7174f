package io.paperfeed.app.ops;

import io.paperfeed.streams.StreamsService;

/** Healthy while the Kafka Streams app is RUNNING; any other state is reported as the problem. */
public final class StreamsHealthCheck implements HealthCheck {

    private final StreamsService streams;

    public StreamsHealthCheck(StreamsService streams) {
        this.streams = streams;
    }

    @Override
    public String name() {
        return "streams";
    }

    @Override
    public String problem() {
        return streams.isHealthy() ? null : "state " + streams.state();
    }
}
