package io.paperfeed.consumer.api;

import io.paperfeed.consumer.sse.EventStreams;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /topics}: the taxonomy (id, name, description, Kafka topic); {@code GET /topics/{id}};
 * {@code GET /topics/{id}/events}: the topic's classified papers as SSE. Public: no token.
 */
final class TopicsHandler extends ApiHandler {

    static final String MOUNT = "/topics";

    private final Map<String, TopicDefinition> topics = new LinkedHashMap<>();
    private final EventStreams streams;

    TopicsHandler(Taxonomy taxonomy, EventStreams streams, ApiMetrics metrics) {
        super(MOUNT, metrics);
        taxonomy.topics().forEach(t -> topics.put(t.id(), t));
        this.streams = streams;
    }

    @Override
    void handle(Exchange exchange, List<String> segments) {
        if (segments.isEmpty()) {
            requireMethod(exchange, MOUNT, "GET", "HEAD");
            exchange.json(200, topics.values().stream().map(TopicsHandler::describe).toList());
            return;
        }
        TopicDefinition topic = topics.get(segments.get(0));
        if (topic == null) {
            throw ApiError.notFound("no topic " + segments.get(0) + " in the taxonomy (GET /topics lists them)");
        }
        if (segments.size() == 1) {
            requireMethod(exchange, MOUNT + "/" + topic.id(), "GET", "HEAD");
            exchange.json(200, describe(topic));
        } else if (segments.size() == 2 && segments.get(1).equals("events")) {
            requireMethod(exchange, MOUNT + "/" + topic.id() + "/events", "GET");
            EventStreamRequests.serve(exchange, () -> streams.serveTopic(exchange.request(), exchange.response(),
                    exchange.callback(), topic.kafkaTopic()));
        } else {
            throw ApiError.notFound("no such resource: " + exchange.path());
        }
    }

    private static Map<String, String> describe(TopicDefinition topic) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("id", topic.id());
        json.put("name", topic.name());
        json.put("description", topic.description());
        json.put("kafkaTopic", topic.kafkaTopic());
        json.put("events", MOUNT + "/" + topic.id() + "/events");
        return json;
    }
}
