package io.paperfeed.consumer.api;

import io.paperfeed.consumer.mail.UnsubscribeLinks;
import io.paperfeed.consumer.render.Html;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /unsubscribe?s=<id>&a=<address>&t=<token>}, the link in every mail: {@code POST} (what a mail
 * client sends for {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}, RFC 8058, or the button of
 * the page) disables the subscription through the {@link SubscriptionPublisher}, saying who and when;
 * {@code GET} only shows that page, since mail scanners fetch links and must not unsubscribe anyone. A
 * link whose token does not verify for that subscription and address is refused (404, the same as
 * for a subscription that does not exist, so a link says nothing of others).
 */
final class UnsubscribeEndpoint extends ApiHandler {

    static final String MOUNT = "/unsubscribe";
    private static final Logger log = LoggerFactory.getLogger(UnsubscribeEndpoint.class);
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    private final UnsubscribeLinks links;
    private final SubscriptionView view;
    private final SubscriptionPublisher publisher;
    private final Clock clock;
    private final Runnable onUnsubscribed;

    UnsubscribeEndpoint(UnsubscribeLinks links, SubscriptionView view, SubscriptionPublisher publisher, Clock clock,
                        ApiMetrics metrics, Runnable onUnsubscribed) {
        super(MOUNT, metrics);
        this.links = links;
        this.view = view;
        this.publisher = publisher;
        this.clock = clock;
        this.onUnsubscribed = onUnsubscribed;
    }

    @Override
    void handle(Exchange exchange, List<String> segments) throws InterruptedException {
        requireNoSubpath(exchange, segments);
        requireMethod(exchange, MOUNT, "GET", "POST");
        String id = exchange.query("s");
        String address = exchange.query("a");
        Optional<Subscription> subscription = id == null ? Optional.empty() : view.get(id);
        if (subscription.isEmpty() || !mails(subscription.get(), address)
                || !links.verify(subscription.get(), address, exchange.query("t"))) {
            ReaderResponses.page(exchange, 404, "This unsubscribe link is not valid",
                    "<p>The link does not match a subscription that sends to this address. It may have been "
                            + "deleted, or its read token rotated.</p>");
            return;
        }
        Subscription s = subscription.get();
        if (exchange.method().equals("GET")) {
            ReaderResponses.page(exchange, 200, "Unsubscribe from " + s.name(), "<p>Stop the mails of the paperfeed subscription <strong>"
                    + Html.escape(s.name()) + "</strong> to " + Html.escape(address) + "?</p>"
                    + "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                    + "<button type=\"submit\">Unsubscribe</button></form>");
            return;
        }
        ReaderResponses.drainForm(exchange); // List-Unsubscribe=One-Click, or the form
        if (!s.disabled()) {
            disable(s, address);
        }
        ReaderResponses.page(exchange, 200, "Unsubscribed", "<p>The paperfeed subscription <strong>" + Html.escape(s.name())
                + "</strong> sends no more mails: it is disabled.</p>");
    }

    private void disable(Subscription s, String address) throws InterruptedException {
        String reason = "unsubscribed by " + address + " through the link in a mail at " + clock.instant();
        RecordMetadata written;
        try {
            written = publisher.disable(s, reason).get(SubscriptionPublisher.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiError(503, "kafka-unavailable", "the subscription could not be disabled now; try the link again");
        }
        log.info("subscription {} disabled: {}", s.id(), reason);
        onUnsubscribed.run();
        if (!view.awaitPast(written, VISIBLE_WITHIN)) {
            log.warn("subscription {} disabled, but the view does not show it yet", s.id());
        }
    }

    private static boolean mails(Subscription s, String address) {
        return address != null && s.delivery().stream().anyMatch(d -> address.equals(d.to()));
    }
}
