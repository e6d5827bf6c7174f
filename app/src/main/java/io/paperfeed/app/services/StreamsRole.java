package io.paperfeed.app.services;

import io.paperfeed.app.ops.StreamsHealthCheck;
import io.paperfeed.streams.StreamsService;
import io.paperfeed.streams.StreamsSettings;

/**
 * The streams app in a process ({@code paperfeed streams}, the demo): its topology running, in
 * {@code /health}, and a process that exits non-zero when the app reaches ERROR, so a supervisor restarts it.
 */
public final class StreamsRole {

    private StreamsRole() {
    }

    /** Creates and starts the streams app; it is closed with the lifecycle. */
    public static StreamsService start(ServiceContext context, StreamsSettings settings) {
        StreamsService streams = context.lifecycle().add(new StreamsService(settings, context.metrics().registry()));
        context.server().addCheck(new StreamsHealthCheck(streams));
        streams.onError(() -> context.lifecycle().fail("the streams app stopped in state ERROR (see the log)"));
        streams.start();
        return streams;
    }
}
