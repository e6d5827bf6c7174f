package io.paperfeed.app.ops;

import io.paperfeed.app.cli.UserError;
import io.paperfeed.model.topics.Topic;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates paperfeed's topics at start-up if they are missing, with the cluster's default partition
 * count and replication factor (set them on a real cluster; see docs/OPERATIONS.md).
 */
public final class TopicSetup {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    public static void ensureTopics(Admin admin) throws InterruptedException {
        ensure(admin, Topics.all().stream().map(TopicSetup::newTopic).toList());
    }

    /** paperfeed's topics and one stream per taxonomy topic ({@code paperfeed.topic.<id>}). */
    public static void ensureTopics(Admin admin, Taxonomy taxonomy) throws InterruptedException {
        List<NewTopic> wanted = new ArrayList<>(Topics.all().stream().map(TopicSetup::newTopic).toList());
        for (TopicDefinition topic : taxonomy.topics()) {
            wanted.add(new NewTopic(topic.kafkaTopic(), Optional.empty(), Optional.empty()));
        }
        ensure(admin, wanted);
    }

    private static void ensure(Admin admin, List<NewTopic> wanted) throws InterruptedException {
        var results = admin.createTopics(wanted).values();
        for (var entry : results.entrySet()) {
            try {
                entry.getValue().get();
                log.debug("created topic {}", entry.getKey());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TimeoutException) {
                    throw new UserError("Kafka did not answer (are the bootstrap servers right and reachable, and "
                            + "--kafka-config's security.protocol the listener's?): " + e.getCause().getMessage());
                }
                if (e.getCause() instanceof AuthenticationException) {
                    throw new UserError("Kafka refused paperfeed's credentials (sasl.* in --kafka-config): "
                            + e.getCause().getMessage());
                }
                if (e.getCause() instanceof AuthorizationException) {
                    throw new UserError("Kafka denied paperfeed access to topic " + entry.getKey() + " (its ACLs; "
                            + "docs/OPERATIONS.md lists what paperfeed needs): " + e.getCause().getMessage());
                }
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + entry.getKey() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            }
        }
    }

    private static NewTopic newTopic(Topic<?, ?> topic) {
        return new NewTopic(topic.name(), Optional.empty(), Optional.empty()).configs(topic.configs());
    }
}
