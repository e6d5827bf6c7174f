package io.paperfeed.consumer;

import io.paperfeed.model.Alert;

/** Where alerts go: a console, a webhook, a browser stream. */
@FunctionalInterface
public interface AlertSink {

    /** Delivers one alert; throwing leaves the alert's offset uncommitted so it is delivered again. */
    void deliver(Alert alert) throws Exception;
}
