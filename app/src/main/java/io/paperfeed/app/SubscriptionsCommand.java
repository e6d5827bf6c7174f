package io.paperfeed.app;

import io.paperfeed.app.cli.ConfigOption;
import io.paperfeed.app.cli.KafkaOptions;
import io.paperfeed.app.cli.SecretsOptions;
import io.paperfeed.app.cli.UserError;
import io.paperfeed.app.pipeline.SubscriptionPublishing;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperfeed subscriptions apply FILE | list}: publish and list the subscriptions of a cluster. */
@Command(name = "subscriptions", mixinStandardHelpOptions = true,
        description = "Publish subscriptions from a file, or list those on the cluster (webhook secrets are never shown).",
        subcommands = {SubscriptionsCommand.Apply.class, SubscriptionsCommand.ListCommand.class})
final class SubscriptionsCommand {

    /** Options both subcommands share. */
    static final class Common {
        @Mixin
        KafkaOptions kafka;

        @Mixin
        ConfigOption config;

        @Mixin
        SecretsOptions secrets;

        @Option(names = "--topics", paramLabel = "FILE",
                description = "Taxonomy YAML the streams app uses, to check topic ids (env PAPERFEED_TOPICS; "
                        + "default: the built-in one).")
        Path topicsFile;

        SubscriptionValidator validator() {
            return SubscriptionValidator.of(topicsFile == null ? Taxonomy.defaults() : Taxonomy.load(topicsFile));
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Publish every valid subscription of FILE (JSON or YAML, as --subscriptions reads;",
                    "docs/SUBSCRIPTIONS.md), replacing one of the same id; each invalid entry is reported and skipped."})
    static final class Apply implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(paramLabel = "FILE", description = "The subscriptions file.")
        Path file;

        @Override
        public Integer call() throws Exception {
            SubscriptionPublishing.publish(common.kafka.clients(), file, common.validator(),
                    common.secrets.secrets(System.getenv()), System.out);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the subscriptions on the cluster, one line each (disabled ones marked).")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "How long to wait for the subscriptions topic to be read (default ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            try (SubscriptionView view = SubscriptionView.open(common.kafka.clients(), "paperfeed-subscriptions-list",
                    Topics.SUBSCRIPTIONS.name(), common.validator()).start()) {
                if (!view.awaitCaughtUp(Duration.ofSeconds(timeoutSeconds))) {
                    throw new UserError("the subscriptions topic was not read within " + timeoutSeconds + " s"
                            + (view.problem() == null ? "" : ": " + view.problem()));
                }
                List<Subscription> all = view.all();
                all.forEach(s -> System.out.println(line(s)));
                System.out.printf("%d subscriptions (%d disabled)%s%n", all.size(),
                        all.stream().filter(Subscription::disabled).count(),
                        view.unreadable() > 0 ? "; " + view.unreadable() + " unreadable records skipped" : "");
            }
            return 0;
        }
    }

    /** {@code id  mode  query=…  topics=…  like=N papers  deliveries=…}; a webhook by its URL only, never its secret. */
    static String line(Subscription s) {
        StringBuilder line = new StringBuilder(s.id()).append("  ").append(s.mode().json());
        if (s.alertOnUpdate()) {
            line.append(" +updates");
        }
        s.alertOn().stream().filter(o -> o.status() != null).forEach(o -> line.append(" +").append(o.json()));
        if (s.query() != null) {
            line.append("  query=").append(s.query());
        }
        if (!s.topics().isEmpty()) {
            line.append("  topics=").append(String.join(",", s.topics()));
        }
        if (s.hasLike()) {
            line.append("  like=").append(s.like().size()).append(s.like().size() == 1 ? " paper" : " papers");
            if (s.minSimilarity() != null) {
                line.append(" (minSimilarity ").append(s.minSimilarity()).append(')');
            }
        }
        if (!s.delivery().isEmpty()) {
            line.append("  deliveries=").append(s.delivery().stream().map(SubscriptionsCommand::delivery)
                    .collect(Collectors.joining(",")));
        }
        if (s.disabled()) {
            line.append("  DISABLED").append(s.disabledReason() == null ? "" : " (" + s.disabledReason() + ")");
        }
        return line.toString();
    }

    private static String delivery(Delivery d) {
        return d.type() == Delivery.Type.WEBHOOK ? "webhook " + d.url() + " (" + d.format().json() + ")" : d.type().json();
    }
}
