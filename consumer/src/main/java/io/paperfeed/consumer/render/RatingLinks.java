package io.paperfeed.consumer.render;

import io.paperfeed.model.Subscription;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rating links of each paper in a subscription's mails and feed entries, "more like this" and "not
 * this": {@code <public url>/rate?s=<id>&p=<paper>&r=1|-1&t=<token>}, which teach the subscription's profile as {@code POST
 * /subscriptions/{id}/feedback} does. The token signs the subscription, the paper and the rating under the
 * subscription's link key (the unsubscribe links' key, derived from its read token), so a link rates that
 * paper that way for that subscription only, and stops working when the read token is rotated. A
 * subscription without a key gets no links.
 */
public final class RatingLinks {

    static final String PURPOSE = "rate";

    /** The two links of one paper. */
    public record Pair(String moreLikeThis, String notThis) {
    }

    private final String publicUrl;
    private final Function<Subscription, Optional<byte[]>> keys;

    /** @param keys the key of a subscription's links, or empty when it has none */
    public RatingLinks(String publicUrl, Function<Subscription, Optional<byte[]>> keys) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.keys = keys;
    }

    /** No links at all (a channel without a public address). */
    public static RatingLinks none() {
        return new RatingLinks("", s -> Optional.empty());
    }

    /** The links that rate {@code paper} (its canonical id) for the subscription, or empty without a key. */
    public Optional<Pair> links(Subscription subscription, String paper) {
        return keys.apply(subscription).map(key -> new Pair(url(key, subscription.id(), paper, 1),
                url(key, subscription.id(), paper, -1)));
    }

    /** Whether the token is the one of this subscription's link rating this paper so. */
    public boolean verify(Subscription subscription, String paper, int rating, String token) {
        Optional<byte[]> key = keys.apply(subscription);
        return paper != null && key.isPresent() && Math.abs(rating) == 1
                && LinkTokens.matches(token(key.get(), subscription.id(), paper, rating), token);
    }

    /** The links as a line of HTML under a paper, or "" without links. */
    public static String html(Optional<Pair> links) {
        return links.map(l -> "<p style=\"font-size:90%\">" + Html.link(l.moreLikeThis(), "More like this") + " · "
                + Html.link(l.notThis(), "Not this") + "</p>\n").orElse("");
    }

    /** The links as lines of plain text, or "" without links. */
    public static String text(Optional<Pair> links, String indent) {
        return links.map(l -> indent + "More like this: " + l.moreLikeThis() + "\n" + indent + "Not this: " + l.notThis()
                + "\n").orElse("");
    }

    private String url(byte[] key, String id, String paper, int rating) {
        return publicUrl + "/rate?s=" + encode(id) + "&p=" + encode(paper) + "&r=" + rating + "&t="
                + token(key, id, paper, rating);
    }

    private static String token(byte[] key, String id, String paper, int rating) {
        return LinkTokens.token(key, PURPOSE, id, paper, Integer.toString(rating));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
