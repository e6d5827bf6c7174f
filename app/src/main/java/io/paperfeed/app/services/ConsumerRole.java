package io.paperfeed.app.services;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.paperfeed.app.cli.ApiOptions;
import io.paperfeed.app.cli.ReaderOptions;
import io.paperfeed.app.cli.WebhookOptions;
import io.paperfeed.app.ops.ApiMount;
import io.paperfeed.app.ops.HealthCheck;
import io.paperfeed.consumer.AlertConsumer;
import io.paperfeed.consumer.AlertConsumerSettings;
import io.paperfeed.consumer.AlertSink;
import io.paperfeed.consumer.api.PaperfeedApi;
import io.paperfeed.consumer.preview.SubscriptionPreview;
import io.paperfeed.consumer.recent.RecentPapers;
import io.paperfeed.consumer.recent.RecentPapersReader;
import io.paperfeed.consumer.webhook.WebhookDeliveryService;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.SecretKeys;
import io.paperfeed.subscriptions.SubscriptionSecrets;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The delivery side in a process ({@code paperfeed consumer}, the demo): one {@link SubscriptionView}
 * shared by the API and webhook delivery, the API and event streams on the HTTP server, the alert
 * consumer and webhook delivery, and where people read ({@link ReaderRole}: feeds, preview, page, mail);
 * one {@link RecentPapers} read once (one reader of {@code paperfeed.papers.classified}) for the API's like
 * lists and ratings and the preview.
 * Each part is in {@code /health}; a part that stops for good fails the lifecycle, so the process exits
 * non-zero and its supervisor restarts it.
 */
public final class ConsumerRole {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final Duration RECENT_WINDOW = Duration.ofDays(SubscriptionPreview.DEFAULT_DAYS);
    private static final int MAX_RECENT_PAPERS = 100_000;

    private final ServiceContext context;
    private final SubscriptionView view;
    private final ReaderRole readers;

    private ConsumerRole(ServiceContext context, SubscriptionView view, ReaderRole readers) {
        this.context = context;
        this.view = view;
        this.readers = readers;
    }

    /**
     * Starts the subscription view and mounts the API; call before the HTTP server starts.
     *
     * @param builtInSubscriptions ids whose alert streams exist without a record on the subscriptions topic
     */
    public static ConsumerRole mount(ServiceContext context, Taxonomy taxonomy, ApiOptions api, ReaderOptions reading,
                                     Set<String> builtInSubscriptions) {
        return mount(context, taxonomy, api, reading, builtInSubscriptions, new SubscriptionSecrets(SecretKeys.none()));
    }

    /**
     * As {@link #mount(ServiceContext, Taxonomy, ApiOptions, ReaderOptions, Set)}, sealing and opening webhook
     * secrets with {@code secrets} (the API's writes, the view, the 410-Gone disable, the unsubscribe link).
     */
    public static ConsumerRole mount(ServiceContext context, Taxonomy taxonomy, ApiOptions api, ReaderOptions reading,
                                     Set<String> builtInSubscriptions, SubscriptionSecrets secrets) {
        SubscriptionView view = context.lifecycle().add(SubscriptionView.open(context.clients(),
                "paperfeed-" + context.service() + "-subscriptions", Topics.SUBSCRIPTIONS.name(),
                SubscriptionValidator.of(taxonomy), secrets).bindTo(context.metrics().registry()).start());
        context.server().addCheck(HealthCheck.of("subscriptions", view::problem));
        RecentPapers recent = recentPapers(context);
        PaperfeedApi paperfeedApi = context.lifecycle().add(ApiMount.mount(context, taxonomy, api, view,
                builtInSubscriptions, recent));
        ReaderRole readers = ReaderRole.mount(context, taxonomy, api, reading, view, builtInSubscriptions, paperfeedApi,
                recent);
        return new ConsumerRole(context, view, readers);
    }

    /** The process's recent papers and their one reader, in {@code /health} and {@code /metrics}. */
    private static RecentPapers recentPapers(ServiceContext context) {
        RecentPapers recent = context.lifecycle().add(new RecentPapers(RECENT_WINDOW, MAX_RECENT_PAPERS, Clock.systemUTC()));
        RecentPapersReader reader = context.lifecycle().add(new RecentPapersReader(context.clients(), recent,
                Clock.systemUTC()).start());
        context.server().addCheck(HealthCheck.of("recent-papers", reader::problem));
        var registry = context.metrics().registry();
        Gauge.builder("paperfeed.recent.papers", recent, RecentPapers::size)
                .description("Classified papers of the last 30 days: what the preview searches and like lists resolve "
                        + "against").register(registry);
        FunctionCounter.builder("paperfeed.recent.unreadable", reader, RecentPapersReader::unreadable)
                .description("Classified-paper records the recent papers' reader could not read and skipped")
                .register(registry);
        return recent;
    }

    /** Starts the alert consumer (group {@code groupId}, each alert to {@code sink}) and webhook delivery. */
    public void start(String groupId, AlertSink sink, WebhookOptions webhooks) throws InterruptedException {
        AlertConsumer consumer = new AlertConsumer(new AlertConsumerSettings(context.clients(), groupId), sink,
                context.metrics().registry());
        Thread thread = new Thread(() -> {
            consumer.run();
            if (consumer.problem() != null) { // it ended on its own: exit, so a supervisor restarts it
                context.lifecycle().fail(consumer.problem());
            }
        }, "paperfeed-alerts");
        context.server().addCheck(HealthCheck.of("alerts", consumer::problem));
        context.lifecycle().add(() -> {
            consumer.close();
            thread.join(10_000);
        });
        thread.start();
        WebhookDeliveryService delivery = context.lifecycle().add(new WebhookDeliveryService(webhooks.settings(),
                context.clients(), view, context.metrics().registry()));
        delivery.start(CATCH_UP, why -> context.lifecycle().fail(why));
        context.server().addCheck(HealthCheck.of("webhooks", delivery::problem));
        readers.startMail(view, CATCH_UP);
    }

    /** The process's view of the subscriptions. */
    public SubscriptionView view() {
        return view;
    }
}
