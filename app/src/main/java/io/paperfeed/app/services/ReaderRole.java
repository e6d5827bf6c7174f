package io.paperfeed.app.services;

import io.paperfeed.app.cli.ApiOptions;
import io.paperfeed.app.cli.ReaderOptions;
import io.paperfeed.app.ops.HealthCheck;
import io.paperfeed.consumer.api.PaperfeedApi;
import io.paperfeed.consumer.api.ReaderApi;
import io.paperfeed.consumer.atom.AtomFeeds;
import io.paperfeed.consumer.atom.FeedSettings;
import io.paperfeed.consumer.mail.MailDeliveryService;
import io.paperfeed.consumer.mail.UnsubscribeLinks;
import io.paperfeed.consumer.render.RatingLinks;
import io.paperfeed.consumer.preview.SubscriptionPreview;
import io.paperfeed.consumer.recent.RecentPapers;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where people read, in a process that has the consumer role: the Atom feeds, the preview over the
 * recent papers, the one-click unsubscribe and the subscription page on the HTTP server, and e-mail
 * delivery when an SMTP server is configured. Each part is in {@code /health}.
 */
final class ReaderRole {

    private final ServiceContext context;
    private final ReaderOptions options;
    private final String publicUrl;
    private final Map<String, String> topicNames = new LinkedHashMap<>();
    private final UnsubscribeLinks unsubscribe;
    private final RatingLinks ratingLinks;

    private ReaderRole(ServiceContext context, ReaderOptions options, String publicUrl, Taxonomy taxonomy,
                       UnsubscribeLinks unsubscribe, RatingLinks ratingLinks) {
        this.context = context;
        this.options = options;
        this.publicUrl = publicUrl;
        taxonomy.topics().forEach(t -> topicNames.put(t.id(), t.name()));
        this.unsubscribe = unsubscribe;
        this.ratingLinks = ratingLinks;
    }

    /**
     * Starts the feed readers and mounts the routes, in front of the API's.
     *
     * @param recent the process's recent papers (the API's like lists resolve against them too), which the preview searches
     */
    static ReaderRole mount(ServiceContext context, Taxonomy taxonomy, ApiOptions api, ReaderOptions options,
                            SubscriptionView view, Set<String> builtIn, PaperfeedApi paperfeedApi, RecentPapers recent) {
        String publicUrl = options.publicUrl(context.baseUrl());
        var registry = context.metrics().registry();
        AtomFeeds feeds = context.lifecycle().add(new AtomFeeds(FeedSettings.defaults(publicUrl), context.clients(),
                taxonomy, registry).start());
        context.server().addCheck(HealthCheck.of("feeds", feeds::problem));
        SubscriptionPreview preview = new SubscriptionPreview(recent, SubscriptionValidator.of(taxonomy), Clock.systemUTC());
        UnsubscribeLinks unsubscribe = new UnsubscribeLinks(publicUrl, LinkKeys.of(api.token()));
        RatingLinks ratingLinks = new RatingLinks(publicUrl, LinkKeys.of(api.token()));
        SubscriptionPublisher publisher = SubscriptionPublisher.open(context.clients(), "paperfeed-unsubscribe",
                view.topic(), SubscriptionValidator.of(taxonomy), view.secrets());
        ReaderApi readers = context.lifecycle().add(new ReaderApi(taxonomy, api.token(), feeds, preview, unsubscribe,
                ratingLinks, paperfeedApi.ratings(), view, builtIn, publisher, registry));
        readers.routes(paperfeedApi.routes()).forEach(context.server()::route);
        String feedExample = taxonomy.topics().stream().findFirst().map(TopicDefinition::id).orElse("kv-cache");
        context.out().printf("paperfeed %s: subscription page at %s/subscribe%s, Atom feeds at %s/topics/%s/feed.atom%n",
                context.service(), context.baseUrl(), api.generated() ? "#token=" + api.token() : "", context.baseUrl(),
                feedExample);
        return new ReaderRole(context, options, publicUrl, taxonomy, unsubscribe, ratingLinks);
    }

    /** Starts e-mail delivery when an SMTP server is configured; a part of it that stops fails the lifecycle. */
    void startMail(SubscriptionView view, Duration catchUp) throws InterruptedException {
        if (!options.mail()) {
            return;
        }
        MailDeliveryService mail = context.lifecycle().add(new MailDeliveryService(options.mailSettings(publicUrl,
                System.getenv()), context.clients(), view, topicNames, unsubscribe, ratingLinks, context.metrics().registry()));
        mail.start(catchUp, why -> context.lifecycle().fail(why));
        context.server().addCheck(HealthCheck.of("mail", mail::problem));
        context.out().printf("paperfeed %s: e-mail delivery through %s%n", context.service(),
                options.mailSettings(publicUrl, Map.of()).toString().replaceFirst("^MailSettings", ""));
    }
}
