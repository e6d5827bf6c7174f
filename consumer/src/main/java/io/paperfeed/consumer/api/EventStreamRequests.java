package io.paperfeed.consumer.api;

/** Starts an event stream, turning a malformed {@code Last-Event-ID} into a 400. */
final class EventStreamRequests {

    private EventStreamRequests() {
    }

    static void serve(Exchange exchange, Runnable stream) {
        try {
            stream.run();
            exchange.streaming();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad-last-event-id", e.getMessage());
        }
    }
}
