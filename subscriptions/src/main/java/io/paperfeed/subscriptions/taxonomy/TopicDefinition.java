package io.paperfeed.subscriptions.taxonomy;

import io.paperfeed.model.topics.Topics;
import java.util.regex.Pattern;

/** One topic of the taxonomy: an id (also in the topic's Kafka topic name), a name, a description and a query. */
public record TopicDefinition(String id, String name, String description, String query) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public TopicDefinition {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("topic id must be lowercase letters, digits and dashes: " + id);
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("topic " + id + " has no query");
        }
        name = name == null ? id : name;
        description = description == null ? "" : description;
    }

    /** The Kafka topic that carries this topic's papers: {@code paperfeed.topic.<id>}. */
    public String kafkaTopic() {
        return Topics.topicStream(id).name();
    }
}
