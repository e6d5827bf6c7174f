package io.paperfeed.consumer.atom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.SimilarTo;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The feeds as a real feed parser (ROME) reads them: valid Atom, one entry per paper with a stable id,
 * reader text, authors, links, categories and why; conditional GET; the store's bounds.
 */
class AtomFeedsTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private final FeedStore store = new FeedStore(50, 100);
    private final AtomFeeds feeds = new AtomFeeds(FeedSettings.defaults("http://127.0.0.1:8080/"), Taxonomy.defaults(),
            store, null, new SimpleMeterRegistry(), Clock.fixed(T0, ZoneOffset.UTC));

    private static SyndFeed parse(byte[] atom) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom)));
    }

    @Test
    void aTopicFeedIsAtomWithOneEntryPerPaperNewestFirst() throws Exception {
        for (int n = 1; n <= 3; n++) {
            store.put(FeedKeys.topic("kv-cache"), new FeedEntry(Papers.arxiv(n, "Prefill \\& Decode " + n),
                    List.of("kv-cache"), List.of("kv cache"), T0.plusSeconds(n)));
        }
        FeedAnswer answer = feeds.topic("kv-cache", ConditionalRequest.NONE).orElseThrow();
        assertEquals(200, answer.status());
        SyndFeed feed = parse(answer.body());
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("tag:paperfeed,2025:topic:kv-cache", feed.getUri());
        assertEquals(3, feed.getEntries().size());
        SyndEntry newest = feed.getEntries().get(0);
        assertEquals("tag:paperfeed,2025:paper:arxiv:2507.00003", newest.getUri());
        assertEquals("Prefill & Decode 3", newest.getTitle(), "the title as a reader sees it, not TeX");
        assertEquals("https://arxiv.org/abs/2507.00003", newest.getLink());
        assertEquals(List.of("Ann Ng", "Bo Li"), newest.getAuthors().stream().map(SyndPerson::getName).toList());
        assertEquals(Instant.parse("2025-07-04T00:00:00Z"), newest.getUpdatedDate().toInstant(), "updated from the paper");
        List<String> links = newest.getLinks().stream().map(SyndLink::getHref).toList();
        assertTrue(links.containsAll(List.of("https://arxiv.org/pdf/2507.00003", "https://doi.org/10.1000/x3")), links.toString());
        List<String> categories = newest.getCategories().stream().map(SyndCategory::getName).toList();
        assertEquals(List.of("cs.CL", "cs.LG", "kv-cache"), categories);
        assertEquals("We compress the KV cache. It is 10× smaller.", newest.getDescription().getValue());
        String html = newest.getContents().get(0).getValue();
        assertTrue(html.contains("<a href=\"https://arxiv.org/abs/2507.00003\">Prefill &amp; Decode 3</a>"), html);
        assertTrue(html.contains("Why: topics: KV cache; matched: “kv cache”"), html);
        assertEquals(T0.plusSeconds(3), answer.lastModified());
    }

    @Test
    void aRepeatWithTheETagOrTheDateIsNotModifiedAndAChangeIsNew() {
        store.put(FeedKeys.topic("kv-cache"), new FeedEntry(Papers.arxiv(1, "One"), List.of("kv-cache"), List.of(), T0));
        FeedAnswer first = feeds.topic("kv-cache", ConditionalRequest.NONE).orElseThrow();
        FeedAnswer again = feeds.topic("kv-cache", new ConditionalRequest(first.etag(), null)).orElseThrow();
        assertEquals(304, again.status());
        assertEquals(0, again.body().length);
        assertEquals(first.etag(), again.etag());
        assertEquals(304, feeds.topic("kv-cache", new ConditionalRequest("\"other\", W/" + first.etag(), null))
                .orElseThrow().status(), "weak comparison, in a list");
        String date = ConditionalRequest.httpDate(first.lastModified());
        assertEquals(304, feeds.topic("kv-cache", new ConditionalRequest(null, date)).orElseThrow().status());
        assertEquals(200, feeds.topic("kv-cache", new ConditionalRequest("\"other\"", date)).orElseThrow().status(),
                "If-None-Match decides when present");

        store.put(FeedKeys.topic("kv-cache"), new FeedEntry(Papers.arxiv(2, "Two"), List.of("kv-cache"), List.of(),
                T0.plusSeconds(60)));
        FeedAnswer changed = feeds.topic("kv-cache", new ConditionalRequest(first.etag(), null)).orElseThrow();
        assertEquals(200, changed.status());
        assertNotEquals(first.etag(), changed.etag());
        assertEquals(200, feeds.topic("kv-cache", new ConditionalRequest(null, date)).orElseThrow().status());
        assertArrayEquals(changed.body(), feeds.topic("kv-cache", ConditionalRequest.NONE).orElseThrow().body(),
                "the same feed renders the same bytes");
    }

    @Test
    void aPaperThatGetsAnArxivIdKeepsItsEntryAndItsId() throws Exception {
        var before = Papers.content("content:b570cf91f1ac1ed77f65", "Model Tells You Where to Merge");
        String key = FeedKeys.subscription("kv");
        store.put(key, new FeedEntry(before, List.of(), List.of("merge"), T0));
        store.put(key, new FeedEntry(Papers.nowArxiv(before, "2407.08454"), List.of(), List.of("merge"), T0.plusSeconds(5)));
        SyndFeed feed = parse(feeds.subscription(Subscription.ofQuery("kv", "merge"), ConditionalRequest.NONE).body());
        assertEquals(1, feed.getEntries().size());
        assertEquals("tag:paperfeed,2025:paper:content:b570cf91f1ac1ed77f65", feed.getEntries().get(0).getUri());
        assertEquals("https://arxiv.org/abs/2407.08454", feed.getEntries().get(0).getLink());
    }

    @Test
    void aLikeSubscriptionsEntrySaysWhichLikedPapersItIsCloseTo() throws Exception {
        String key = FeedKeys.subscription("liked");
        SimilarTo why = new SimilarTo(0.91, 0.6, "linear", List.of(new SimilarTo.Closest("arxiv:2507.20534", "Kimi K2", 0.83)));
        store.put(key, new FeedEntry(Papers.arxiv(4, "Four"), List.of(), List.of(), T0, why));
        Subscription liked = Subscription.ofQuery("liked", "four");
        String html = parse(feeds.subscription(liked, ConditionalRequest.NONE).body()).getEntries().get(0)
                .getContents().get(0).getValue();
        assertTrue(html.contains("Why: like “Kimi K2” (0.83); score 0.91 ≥ 0.60"), html);
    }

    @Test
    void feedsAreBoundedAndTheLeastUsedFeedGoesFirst() {
        FeedStore small = new FeedStore(2, 2);
        for (int n = 1; n <= 3; n++) {
            small.put("a", new FeedEntry(Papers.arxiv(n, "P" + n), List.of(), List.of(), T0.plusSeconds(n)));
        }
        assertEquals(List.of("arxiv:2507.00003", "arxiv:2507.00002"),
                small.get("a").entries().stream().map(e -> e.paper().id()).toList());
        small.put("b", new FeedEntry(Papers.arxiv(1, "P1"), List.of(), List.of(), T0));
        small.get("a");
        small.put("c", new FeedEntry(Papers.arxiv(1, "P1"), List.of(), List.of(), T0));
        assertEquals(2, small.feeds());
        assertEquals(0, small.get("b").entries().size(), "b was used longest ago");
        assertEquals(2, small.get("a").entries().size());
        assertEquals(3, small.papers(), "papers held once across feeds, released with their entries");
    }

    @Test
    void anEmptyFeedIsValidAtomAndAnUnknownTopicHasNone() throws Exception {
        FeedAnswer empty = feeds.topic("llm-serving", ConditionalRequest.NONE).orElseThrow();
        SyndFeed feed = parse(empty.body());
        assertEquals(0, feed.getEntries().size());
        assertEquals(T0, empty.lastModified());
        assertTrue(feeds.topic("no-such-topic", ConditionalRequest.NONE).isEmpty());
    }
}
