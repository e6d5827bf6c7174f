package io.paperfeed.app.ops;

/** One named part of a process's health: the streams app, the broker, a consumer. */
public interface HealthCheck {

    String name();

    /** Null when healthy, else a short reason. */
    String problem();
}
