package io.paperfeed.consumer;

import io.paperfeed.kafka.KafkaClients;
import java.util.Objects;

/**
 * Settings of the alert consumer: read committed (exactly-once upstream), manual commits after
 * delivery, from the earliest alert when the group has no offset ({@link KafkaClients#groupConsumer}).
 */
public record AlertConsumerSettings(KafkaClients clients, String groupId) {

    public static final String DEFAULT_GROUP_ID = "paperfeed-consumer";

    public AlertConsumerSettings {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(groupId, "groupId");
    }
}
