package io.paperfeed.app.pipeline;

import io.paperfeed.app.cli.UserError;
import io.paperfeed.embeddings.MiniLmEmbedder;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.InvalidSubscriptionException;
import io.paperfeed.subscriptions.SecretKeys;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionSecrets;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionsFile;
import io.paperfeed.subscriptions.like.LikeResolver;
import io.paperfeed.subscriptions.like.PaperLookup;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a subscriptions file and publishes each valid subscription to the compacted
 * {@code paperfeed.subscriptions} topic (key: its id) with the {@link SubscriptionPublisher}; each
 * invalid entry is reported with its place and reason, and the valid ones still load.
 */
public final class SubscriptionPublishing {

    private SubscriptionPublishing() {
    }

    public static void publish(KafkaClients clients, Path file, SubscriptionValidator validator, PrintStream out)
            throws InterruptedException {
        publish(clients, file, validator, new SubscriptionSecrets(SecretKeys.none()), out);
    }

    /** As above, sealing webhook secrets with {@code secrets}. */
    public static void publish(KafkaClients clients, Path file, SubscriptionValidator validator,
                               SubscriptionSecrets secrets, PrintStream out) throws InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new UserError("subscriptions file " + file + " does not exist");
        }
        // inline liked papers are embedded here; ids of papers seen earlier are resolved by the API, whose
        // service reads the recent papers (the pipeline has seen none when a file is loaded at start)
        SubscriptionsFile.Loaded loaded = SubscriptionsFile.load(file, validator, s -> s.hasLike()
                ? new LikeResolver(MiniLmEmbedder.shared(), PaperLookup.none()).resolve(s) : s);
        loaded.problems().forEach(problem -> out.println(file + ": " + problem));
        try (SubscriptionPublisher publisher = SubscriptionPublisher.open(clients, "paperfeed-subscriptions-file",
                Topics.SUBSCRIPTIONS.name(), validator, secrets)) {
            for (Subscription subscription : loaded.subscriptions()) {
                publisher.put(subscription);
            }
        } catch (SubscriptionPublisher.PublishException | InvalidSubscriptionException e) {
            throw new UserError(e.getMessage());
        }
        out.printf("loaded %d subscriptions from %s (%d refused)%n", loaded.subscriptions().size(), file,
                loaded.problems().size());
    }
}
