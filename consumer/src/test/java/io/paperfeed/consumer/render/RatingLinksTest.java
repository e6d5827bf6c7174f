package io.paperfeed.consumer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.Subscription;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RatingLinksTest {

    private static final Subscription KV = Subscription.ofQuery("kv", "kv");
    private static final Subscription OTHER = Subscription.ofQuery("other", "kv");
    private final Map<String, byte[]> keys = new LinkedHashMap<>(Map.of("kv", bytes("key-kv"), "other", bytes("key-o")));
    private final RatingLinks links = new RatingLinks("https://feeds.example.org/", s -> Optional.ofNullable(keys.get(s.id())));

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void eachPaperGetsALinkPerRatingThatVerifiesForItsSubscriptionPaperAndRatingOnly() {
        RatingLinks.Pair pair = links.links(KV, "arxiv:2504.01234").orElseThrow();
        assertTrue(pair.moreLikeThis().startsWith("https://feeds.example.org/rate?s=kv&p=arxiv%3A2504.01234&r=1&t="),
                pair.moreLikeThis());
        Map<String, String> more = query(pair.moreLikeThis());
        Map<String, String> not = query(pair.notThis());
        assertEquals("-1", not.get("r"));
        assertTrue(links.verify(KV, "arxiv:2504.01234", 1, more.get("t")));
        assertTrue(links.verify(KV, "arxiv:2504.01234", -1, not.get("t")));
        assertFalse(links.verify(KV, "arxiv:2504.01234", -1, more.get("t")), "the token says which rating");
        assertFalse(links.verify(KV, "arxiv:2504.09999", 1, more.get("t")), "and which paper");
        assertFalse(links.verify(OTHER, "arxiv:2504.01234", 1, more.get("t")), "and which subscription");
        assertFalse(links.verify(KV, "arxiv:2504.01234", 1, null));
        assertFalse(links.verify(KV, "arxiv:2504.01234", 0, more.get("t")));
        keys.put("kv", bytes("rotated"));
        assertFalse(links.verify(KV, "arxiv:2504.01234", 1, more.get("t")), "a rotated key revokes the links sent");
    }

    @Test
    void aSubscriptionWithoutAKeyGetsNoLinksAndNothingVerifies() {
        assertTrue(links.links(Subscription.ofQuery("keyless", "kv"), "arxiv:1").isEmpty());
        assertEquals("", RatingLinks.html(Optional.empty()));
        assertEquals("", RatingLinks.text(Optional.empty(), "   "));
        assertFalse(RatingLinks.none().verify(KV, "arxiv:1", 1, "x"));
    }

    @Test
    void theLinksReadAsHtmlAndText() {
        Optional<RatingLinks.Pair> pair = links.links(KV, "arxiv:1");
        assertTrue(RatingLinks.html(pair).contains("\">More like this</a> · <a href=\""), RatingLinks.html(pair));
        assertTrue(RatingLinks.html(pair).contains("&amp;r=-1&amp;t="), "escaped in HTML");
        assertEquals("  More like this: " + pair.get().moreLikeThis() + "\n  Not this: " + pair.get().notThis() + "\n",
                RatingLinks.text(pair, "  "));
    }

    @Test
    void aTokenIsTheHmacOfItsPurposeAndPartsSoMailsAlreadySentKeepWorking() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(bytes("key-kv"), "HmacSHA256"));
        String unsubscribe = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(bytes("unsubscribe\nkv\nann@example.org")));
        assertEquals(unsubscribe, LinkTokens.token(bytes("key-kv"), "unsubscribe", "kv", "ann@example.org"),
                "the unsubscribe token as mails sent before rating links had it");
        assertTrue(LinkTokens.matches(unsubscribe, " " + unsubscribe + "\n"));
        assertFalse(LinkTokens.matches(unsubscribe, unsubscribe.substring(1)));
    }
}
