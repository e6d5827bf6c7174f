package io.paperfeed.consumer.recent;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.subscriptions.like.PaperLookup;
import io.paperfeed.subscriptions.query.PaperFields;
import io.paperfeed.subscriptions.query.SubscriptionAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The papers a service saw in the last {@code window} (at most {@code maxPapers}, the oldest go first),
 * the one store of them in a process, kept by its one {@link RecentPapersReader}. Two readers of it: the
 * preview runs a subscription's query over all of them at once ({@link #search}, a Lucene index of the
 * fields subscriptions are matched on, {@link PaperFields}, analysed as the matcher analyses them), and
 * like lists and ratings find a paper by its id or any earlier id ({@link #find}, with its embedding).
 * A paper that changed id replaces its earlier record (its aliases); a tombstone removes one. Thread-safe.
 */
public final class RecentPapers implements PaperLookup, AutoCloseable {

    static final String ID = "pf_id";
    static final String SEEN = "pf_seen";

    private final Duration window;
    private final int maxPapers;
    private final Clock clock;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, Held> papers = new HashMap<>();
    /** Earlier id -> current id, for {@link #find}; entries of papers gone are swept as it grows. */
    private final Map<String, String> aliases = new HashMap<>();
    private final TreeSet<Held> bySeen = new TreeSet<>((a, b) -> a.seenAt.equals(b.seenAt)
            ? a.paper.id().compareTo(b.paper.id()) : a.seenAt.compareTo(b.seenAt));
    private volatile boolean changed;

    public RecentPapers(Duration window, int maxPapers, Clock clock) {
        this.window = window;
        this.maxPapers = maxPapers;
        this.clock = clock;
        try {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(new SubscriptionAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(32));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open an in-memory index", e);
        }
    }

    /** How far back papers are kept. */
    public Duration window() {
        return window;
    }

    /** Adds or replaces a paper seen at {@code seenAt}; its aliases' records go. */
    public synchronized void put(CanonicalPaper paper, Instant seenAt) {
        Instant seen = seenAt;
        for (String id : paper.aliases()) {
            seen = earlier(seen, papers.get(id));
            remove(id);
        }
        Held previous = papers.get(paper.id());
        seen = earlier(seen, previous); // a paper counts from when it was first seen
        if (previous != null) {
            bySeen.remove(previous);
        }
        Held held = new Held(paper, seen);
        papers.put(paper.id(), held);
        for (String alias : paper.aliases()) {
            aliases.put(alias, paper.id());
        }
        if (aliases.size() > 2 * papers.size() + 1000) {
            aliases.values().removeIf(id -> !papers.containsKey(id));
        }
        bySeen.add(held);
        Document doc = PaperFields.document(paper);
        doc.add(new StringField(ID, paper.id(), Field.Store.YES));
        doc.add(new LongPoint(SEEN, seen.toEpochMilli()));
        doc.add(new NumericDocValuesField(SEEN, seen.toEpochMilli()));
        try {
            writer.updateDocument(new Term(ID, paper.id()), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed = true;
        expire();
    }

    private static Instant earlier(Instant seen, Held held) {
        return held != null && held.seenAt.isBefore(seen) ? held.seenAt : seen;
    }

    /** Removes a paper (a tombstone of its id). */
    public synchronized void remove(String id) {
        Held held = papers.remove(id);
        if (held == null) {
            return;
        }
        bySeen.remove(held);
        try {
            writer.deleteDocuments(new Term(ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed = true;
    }

    /** The paper of this id, or of which it is an earlier id, if it was seen in the window. */
    @Override
    public synchronized Optional<CanonicalPaper> find(String id) {
        Held held = papers.get(id);
        if (held == null && aliases.containsKey(id)) {
            held = papers.get(aliases.get(id));
        }
        return Optional.ofNullable(held).map(Held::paper);
    }

    /** Papers held now. */
    public synchronized int size() {
        return papers.size();
    }

    /** The hits of a query among the papers seen since {@code since}: how many, and the newest {@code limit}. */
    public Hits search(Query query, Instant since, int limit) {
        Query recent = new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(SEEN, since.toEpochMilli(), Long.MAX_VALUE), BooleanClause.Occur.FILTER)
                .build();
        try {
            refreshIfChanged();
            IndexSearcher searcher = searchers.acquire();
            try {
                int total = searcher.count(recent);
                List<Hit> newest = new ArrayList<>();
                if (total > 0 && limit > 0) {
                    TopFieldDocs top = searcher.search(recent, limit, new Sort(new SortField(SEEN, SortField.Type.LONG, true)));
                    for (ScoreDoc doc : top.scoreDocs) {
                        String id = searcher.storedFields().document(doc.doc).get(ID);
                        Held held = held(id);
                        if (held != null) {
                            newest.add(new Hit(held.paper, held.seenAt));
                        }
                    }
                }
                return new Hits(total, newest, searcher.getIndexReader().numDocs());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized Held held(String id) {
        return papers.get(id);
    }

    private void refreshIfChanged() throws IOException {
        if (changed) {
            synchronized (this) {
                expire();
                changed = false;
            }
            searchers.maybeRefreshBlocking();
        }
    }

    /** Drops what is older than the window, and the oldest past {@code maxPapers}. */
    private void expire() {
        Instant oldest = clock.instant().minus(window);
        while (!bySeen.isEmpty() && (bySeen.first().seenAt.isBefore(oldest) || papers.size() > maxPapers)) {
            remove(bySeen.first().paper.id());
        }
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One paper seen in the window. */
    public record Hit(CanonicalPaper paper, Instant seenAt) {
    }

    /**
     * @param total  how many papers of the window match
     * @param newest the newest of them, newest first
     * @param papers how many papers the index held
     */
    public record Hits(int total, List<Hit> newest, int papers) {
    }

    private record Held(CanonicalPaper paper, Instant seenAt) {
    }
}
