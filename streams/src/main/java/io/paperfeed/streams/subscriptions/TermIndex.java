package io.paperfeed.streams.subscriptions;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.streams.classify.PaperFields;
import io.paperfeed.streams.subscriptions.Clauses.Leaf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.HighlightsMatch.Hit;

/**
 * Subscriptions whose query is {@link Clauses} (all of some clauses, each any of some terms or exact
 * phrases), answered without running a query: every distinct leaf is indexed once under its field and
 * first term, and a paper's tokens are looked up, each candidate phrase checked at its positions. A
 * subscription is a candidate only through the leaves of its rarest clause (as lucene-monitor's
 * presearcher picks a query's best term: a phrase before a category or topic, which thousands of papers
 * share), and matches when each of its other clauses also has a leaf in the paper. The cost grows with
 * the paper's tokens and its matches, not with the number of subscriptions. The hits are the ones Lucene's
 * {@code Matches} would give: one per occurrence of a matched word or phrase. Thread-safe.
 */
final class TermIndex {

    private static final List<String> TEXT_FIELDS = List.of(PaperFields.TITLE, PaperFields.ABSTRACT, PaperFields.AUTHORS);

    private final Analyzer analyzer;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** field → first term → the leaves starting with it. */
    private final Map<String, Map<String, List<IndexedLeaf>>> byFirstTerm = new HashMap<>();
    private final Map<Leaf, IndexedLeaf> leaves = new HashMap<>();
    /** subscription id → its clauses, each a list of indexed leaves. */
    private final Map<String, List<List<IndexedLeaf>>> subscriptions = new HashMap<>();

    TermIndex(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Adds (or replaces) a subscription's clauses. */
    void add(String id, Clauses clauses) {
        lock.writeLock().lock();
        try {
            removeLocked(id);
            List<List<IndexedLeaf>> resolved = new ArrayList<>(clauses.clauses().size());
            int rarest = rarestClause(clauses);
            for (int c = 0; c < clauses.clauses().size(); c++) {
                List<IndexedLeaf> clause = new ArrayList<>(clauses.clauses().get(c).size());
                resolved.add(clause);
                for (Leaf leaf : clauses.clauses().get(c)) {
                    IndexedLeaf indexed = leaves.computeIfAbsent(leaf, l -> {
                        IndexedLeaf created = new IndexedLeaf(l);
                        byFirstTerm.computeIfAbsent(l.field(), f -> new HashMap<>())
                                .computeIfAbsent(l.first(), t -> new ArrayList<>(1)).add(created);
                        return created;
                    });
                    clause.add(indexed);
                    indexed.users++;
                    if (c == rarest) {
                        indexed.owners.add(id);
                    }
                }
            }
            subscriptions.put(id, resolved);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void remove(String id) {
        lock.writeLock().lock();
        try {
            removeLocked(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void removeLocked(String id) {
        List<List<IndexedLeaf>> removed = subscriptions.remove(id);
        if (removed == null) {
            return;
        }
        for (List<IndexedLeaf> clause : removed) {
            for (IndexedLeaf indexed : clause) {
                Leaf leaf = indexed.leaf;
                indexed.owners.remove(id);
                if (--indexed.users == 0) {
                    leaves.remove(leaf);
                    Map<String, List<IndexedLeaf>> field = byFirstTerm.get(leaf.field());
                    List<IndexedLeaf> same = field.get(leaf.first());
                    same.remove(indexed);
                    if (same.isEmpty()) {
                        field.remove(leaf.first());
                    }
                }
            }
        }
    }

    /**
     * The subscriptions the paper matches, each with its hits per text field, and how many subscriptions
     * had at least one leaf in the paper (the candidates).
     */
    Found match(CanonicalPaper paper) {
        Map<String, PaperTokens> tokens = new HashMap<>();
        for (String field : TEXT_FIELDS) {
            tokens.put(field, PaperTokens.of(paper, field, analyzer));
        }
        lock.readLock().lock();
        try {
            Map<IndexedLeaf, List<Hit>> present = new LinkedHashMap<>();
            tokens.forEach((field, fieldTokens) -> findPhrases(field, fieldTokens, present));
            for (String category : paper.categories()) {
                findValue(PaperFields.CATEGORIES, category.toLowerCase(Locale.ROOT), present);
            }
            for (TopicMatch topic : paper.topics()) {
                findValue(PaperFields.TOPICS, topic.id(), present);
            }
            Set<String> candidates = new HashSet<>();
            for (IndexedLeaf leaf : present.keySet()) {
                candidates.addAll(leaf.owners);
            }
            Map<String, Map<String, Collection<Hit>>> matches = new HashMap<>();
            for (String id : candidates) {
                List<List<IndexedLeaf>> clauses = subscriptions.get(id);
                if (allPresent(clauses, present)) {
                    matches.put(id, hits(clauses, present));
                }
            }
            return new Found(matches, candidates.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    private void findPhrases(String field, PaperTokens tokens, Map<IndexedLeaf, List<Hit>> present) {
        Map<String, List<IndexedLeaf>> starting = byFirstTerm.get(field);
        if (starting == null) {
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            List<IndexedLeaf> candidates = starting.get(tokens.term(i));
            if (candidates == null) {
                continue;
            }
            for (IndexedLeaf leaf : candidates) {
                int last = tokens.phraseEnd(i, leaf.leaf.terms(), leaf.leaf.positions());
                if (last >= 0) {
                    present.computeIfAbsent(leaf, l -> new ArrayList<>(2)).add(new Hit(tokens.position(i),
                            tokens.startOffset(i), tokens.position(last), tokens.endOffset(last)));
                }
            }
        }
    }

    private void findValue(String field, String value, Map<IndexedLeaf, List<Hit>> present) {
        List<IndexedLeaf> candidates = byFirstTerm.getOrDefault(field, Map.of()).get(value);
        if (candidates != null) {
            for (IndexedLeaf leaf : candidates) {
                present.computeIfAbsent(leaf, l -> new ArrayList<>(1));
            }
        }
    }

    private static boolean allPresent(List<List<IndexedLeaf>> clauses, Map<IndexedLeaf, List<Hit>> present) {
        for (List<IndexedLeaf> clause : clauses) {
            boolean any = false;
            for (int i = 0; i < clause.size() && !any; i++) {
                any = present.containsKey(clause.get(i));
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /**
     * The clause whose leaves the fewest papers are expected to have: a clause is as common as its
     * commonest leaf; a category or topic is commoner than any word, and a longer word or phrase rarer.
     */
    private static int rarestClause(Clauses clauses) {
        int best = 0;
        int bestRarity = -1;
        for (int c = 0; c < clauses.clauses().size(); c++) {
            int rarity = Integer.MAX_VALUE;
            for (Leaf leaf : clauses.clauses().get(c)) {
                rarity = Math.min(rarity, rarity(leaf));
            }
            if (rarity > bestRarity) {
                best = c;
                bestRarity = rarity;
            }
        }
        return best;
    }

    private static int rarity(Leaf leaf) {
        if (!TEXT_FIELDS.contains(leaf.field())) {
            return 0;
        }
        int characters = 0;
        for (String term : leaf.terms()) {
            characters += term.length();
        }
        return characters;
    }

    /**
     * The hits per field, in position order without repeats: one leaf's hits are that already (the
     * tokens are read in order), more leaves in one field are merged.
     */
    private static Map<String, Collection<Hit>> hits(List<List<IndexedLeaf>> clauses, Map<IndexedLeaf, List<Hit>> present) {
        Map<String, Collection<Hit>> hits = Map.of();
        for (List<IndexedLeaf> clause : clauses) {
            for (IndexedLeaf leaf : clause) {
                List<Hit> found = present.get(leaf);
                if (found != null && !found.isEmpty()) {
                    if (hits.isEmpty()) {
                        hits = new HashMap<>();
                    }
                    hits.merge(leaf.leaf.field(), found, TermIndex::union);
                }
            }
        }
        return hits;
    }

    private static Collection<Hit> union(Collection<Hit> a, Collection<Hit> b) {
        TreeSet<Hit> merged = a instanceof TreeSet<Hit> set ? set : new TreeSet<>(a);
        merged.addAll(b);
        return merged;
    }

    /**
     * @param matches    subscription id → hits per text field (empty when only categories or topics matched)
     * @param candidates how many subscriptions had a leaf in the paper
     */
    record Found(Map<String, Map<String, Collection<Hit>>> matches, int candidates) {
    }

    /**
     * A leaf, the subscriptions it makes candidates (those whose rarest clause holds it) and how many
     * subscriptions use it at all (it stays indexed while one does, to check their other clauses).
     */
    private static final class IndexedLeaf {
        final Leaf leaf;
        final List<String> owners = new ArrayList<>(1);
        int users;

        IndexedLeaf(Leaf leaf) {
            this.leaf = leaf;
        }
    }
}
