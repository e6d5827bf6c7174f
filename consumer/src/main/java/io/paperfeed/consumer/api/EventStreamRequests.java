package io.paperfeed.consumer.api;

import java.io.IOException;

/** Runs an event stream, turning a malformed {@code Last-Event-ID} into a 400. */
final class EventStreamRequests {

    @FunctionalInterface
    interface Stream {
        void run() throws IOException;
    }

    private EventStreamRequests() {
    }

    static void serve(Stream stream) throws IOException {
        try {
            stream.run();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad-last-event-id", e.getMessage());
        }
    }
}
