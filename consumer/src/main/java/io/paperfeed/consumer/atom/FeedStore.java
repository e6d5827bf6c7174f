package io.paperfeed.consumer.atom;

import io.paperfeed.model.CanonicalPaper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest entries of many feeds, in memory and bounded: at most {@code perFeed} entries a feed (the
 * oldest go first) and at most {@code maxFeeds} feeds (the one read or changed longest ago goes
 * first). An entry replaces the feed's earlier entry of the same paper, known by its first id, so a
 * paper that changed id stays one entry. A paper in many feeds is held once. Thread-safe.
 */
public final class FeedStore {

    private final int perFeed;
    private final int maxFeeds;
    private final LinkedHashMap<String, Feed> feeds = new LinkedHashMap<>(64, 0.75f, true);
    /** Papers by id with the number of entries holding them. */
    private final Map<String, Shared> papers = new HashMap<>();
    /** Versions are unique across feeds, so a feed dropped and started again never reuses one. */
    private long changes;

    public FeedStore(int perFeed, int maxFeeds) {
        if (perFeed < 1 || maxFeeds < 1) {
            throw new IllegalArgumentException("a feed store holds at least one entry of one feed");
        }
        this.perFeed = perFeed;
        this.maxFeeds = maxFeeds;
    }

    /** Adds the entry to the feed, replacing the feed's entry of the same paper. */
    public synchronized void put(String key, FeedEntry entry) {
        Feed feed = feeds.computeIfAbsent(key, k -> new Feed());
        FeedEntry shared = entry.withPaper(share(entry.paper()));
        FeedEntry replaced = feed.entries.remove(entry.firstId());
        if (replaced != null) {
            release(replaced.paper());
        }
        feed.entries.put(entry.firstId(), shared);
        feed.version = ++changes;
        feed.lastModified = entry.seenAt();
        for (Iterator<FeedEntry> oldest = feed.entries.values().iterator(); feed.entries.size() > perFeed; ) {
            release(oldest.next().paper());
            oldest.remove();
        }
        for (Iterator<Map.Entry<String, Feed>> eldest = feeds.entrySet().iterator(); feeds.size() > maxFeeds; ) {
            eldest.next().getValue().entries.values().forEach(e -> release(e.paper()));
            eldest.remove();
        }
    }

    /** The feed's entries, newest first (empty for a feed without any). */
    public synchronized FeedSnapshot get(String key) {
        Feed feed = feeds.get(key);
        if (feed == null) {
            return FeedSnapshot.empty(key);
        }
        List<FeedEntry> newestFirst = new ArrayList<>(feed.entries.values());
        Collections.reverse(newestFirst);
        return new FeedSnapshot(key, newestFirst, feed.version, feed.lastModified);
    }

    /** How many feeds and distinct papers are held (for the gauges). */
    public synchronized int feeds() {
        return feeds.size();
    }

    public synchronized int papers() {
        return papers.size();
    }

    private CanonicalPaper share(CanonicalPaper paper) {
        Shared held = papers.get(paper.id());
        if (held != null && held.paper.equals(paper)) {
            held.references++;
            return held.paper;
        }
        if (held != null) { // a newer version of the paper: entries holding the old one keep it
            held.references++;
            held.paper = paper;
            return paper;
        }
        papers.put(paper.id(), new Shared(paper));
        return paper;
    }

    private void release(CanonicalPaper paper) {
        Shared held = papers.get(paper.id());
        if (held != null && --held.references <= 0) {
            papers.remove(paper.id());
        }
    }

    private static final class Feed {
        final LinkedHashMap<String, FeedEntry> entries = new LinkedHashMap<>();
        long version;
        java.time.Instant lastModified;
    }

    private static final class Shared {
        CanonicalPaper paper;
        int references = 1;

        Shared(CanonicalPaper paper) {
            this.paper = paper;
        }
    }
}
