package io.paperfeed.consumer.api;

import io.paperfeed.consumer.render.Html;
import io.paperfeed.consumer.render.RatingLinks;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.text.ReadablePaper;
import io.paperfeed.subscriptions.SubscriptionView;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /rate?s=<id>&p=<paper>&r=1|-1&t=<token>}, the "more like this" and "not this" links under each paper
 * of a subscription's mails and feed entries: {@code POST} (the page's button) rates the paper through
 * {@link PaperRatings}, as {@code POST /subscriptions/{id}/feedback} does; {@code GET} only shows that page,
 * since mail scanners fetch links and must not rate anything. A link whose token does not verify for that
 * subscription, paper and rating is refused (404, as for a subscription that does not exist).
 */
final class RateEndpoint extends ApiHandler {

    static final String MOUNT = "/rate";
    private static final Logger log = LoggerFactory.getLogger(RateEndpoint.class);

    private final RatingLinks links;
    private final SubscriptionView view;
    private final PaperRatings ratings;

    RateEndpoint(RatingLinks links, SubscriptionView view, PaperRatings ratings, ApiMetrics metrics) {
        super(MOUNT, metrics);
        this.links = links;
        this.view = view;
        this.ratings = ratings;
    }

    @Override
    void handle(Exchange exchange, List<String> segments) throws InterruptedException {
        requireNoSubpath(exchange, segments);
        requireMethod(exchange, MOUNT, "GET", "POST");
        String id = exchange.query("s");
        String paper = exchange.query("p");
        int rating = rating(exchange.query("r"));
        Optional<Subscription> subscription = id == null ? Optional.empty() : view.get(id);
        if (subscription.isEmpty() || !links.verify(subscription.get(), paper, rating, exchange.query("t"))) {
            ReaderResponses.page(exchange, 404, "This rating link is not valid", "<p>The link does not match a "
                    + "subscription and paper. The subscription may have been deleted, or its read token rotated.</p>");
            return;
        }
        Subscription s = subscription.get();
        String what = rating > 0 ? "more like this" : "not this";
        if (exchange.method().equals("GET")) {
            String title = ratings.find(paper).map(p -> "“" + ReadablePaper.of(p).title() + "”").orElse(paper);
            ReaderResponses.page(exchange, 200, "Rate a paper for " + s.name(), "<p>Tell the paperfeed subscription <strong>"
                    + Html.escape(s.name()) + "</strong> that " + Html.escape(title) + " is <strong>" + what
                    + "</strong>?</p><form method=\"post\"><button type=\"submit\">"
                    + (rating > 0 ? "More like this" : "Not this") + "</button></form>");
            return;
        }
        ReaderResponses.drainForm(exchange); // the form's button
        try {
            PaperRatings.Written written = ratings.rate(s, paper, rating);
            log.info("paper {} rated {} for subscription {} through a rating link", written.rating().paper(),
                    written.rating().rating(), s.id());
            ReaderResponses.page(exchange, 200, "Rated", "<p>“" + Html.escape(ReadablePaper.of(written.paper()).title())
                    + "”: <strong>" + what + "</strong>. The subscription <strong>"
                    + Html.escape(s.name()) + "</strong> learns from it for the papers it alerts next.</p>");
        } catch (ApiError e) {
            ReaderResponses.page(exchange, e.status(), "The paper could not be rated",
                    "<p>" + Html.escape(e.getMessage()) + "</p>");
        }
    }

    private static int rating(String value) {
        return "1".equals(value) ? 1 : "-1".equals(value) ? -1 : 0;
    }
}
