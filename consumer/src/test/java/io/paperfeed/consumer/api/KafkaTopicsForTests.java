package io.paperfeed.consumer.api;

import io.paperfeed.model.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates paperfeed's topics (and test topics) on the test broker, leaving existing ones alone. */
public final class KafkaTopicsForTests {

    private KafkaTopicsForTests() {
    }

    public static void create(String bootstrapServers, Map<String, Integer> extraTopics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            List<NewTopic> wanted = new ArrayList<>();
            Topics.all().forEach(t -> wanted.add(new NewTopic(t.name(), Optional.of(1), Optional.empty())
                    .configs(t.configs())));
            extraTopics.forEach((name, partitions) -> wanted.add(new NewTopic(name, Optional.of(partitions), Optional.empty())));
            for (var result : admin.createTopics(wanted).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
