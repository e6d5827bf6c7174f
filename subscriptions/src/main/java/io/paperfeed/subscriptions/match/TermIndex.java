package io.paperfeed.subscriptions.match;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.subscriptions.query.PaperFields;
import io.paperfeed.subscriptions.match.Clauses.Leaf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * phrases), answered without running a query.
 *
 * <ul>
 *   <li>Subscriptions with the same clauses form one group, matched (and explained) once: a thousand
 *       {@code categories:cs.LG} watches cost what one does.</li>
 *   <li>Every distinct leaf is indexed once: a phrase under its first two terms and their distance, a
 *       single term (and a phrase whose second term is far behind stop words) under its term. A paper's
 *       tokens, and pairs of tokens near each other, are looked up, and each candidate checked at its
 *       positions.</li>
 *   <li>A group is a candidate only through the leaves of its rarest clause (as lucene-monitor's
 *       presearcher picks a query's best term: a phrase before a category or topic, which thousands of
 *       papers share), and matches when each of its other clauses also has a leaf in the paper.</li>
 * </ul>
 *
 * The cost grows with the paper's tokens and its matching groups, not with the number of subscriptions.
 * The hits are the ones Lucene's {@code Matches} would give: one per occurrence of a matched word or
 * phrase. Thread-safe.
 */
final class TermIndex {

    private static final List<String> TEXT_FIELDS = List.of(PaperFields.TITLE, PaperFields.ABSTRACT, PaperFields.AUTHORS);
    /** A phrase whose second term is at most this many positions after its first is indexed under both. */
    private static final int PAIR_REACH = 4;

    private final Analyzer analyzer;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** field → key ({@link #key}) → the leaves under it. */
    private final Map<String, Map<String, List<IndexedLeaf>>> index = new HashMap<>();
    private final Map<Leaf, IndexedLeaf> leaves = new HashMap<>();
    private final Map<Clauses, TermGroup> groups = new HashMap<>();
    /** Slots of groups gone, for the next groups; {@link #slots} is one past the highest ever given. */
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private int slots;
    private final TopicBits topicBits = new TopicBits();

    TermIndex(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Adds subscriptions in one write, each to the group of its clauses (an id already in that group stays
     * once), and returns each one's group, in order: the handle to {@link #remove} it with.
     */
    List<TermGroup> add(List<String> ids, List<Clauses> clauses) {
        List<TermGroup> added = new ArrayList<>(ids.size());
        Map<TermGroup, List<String>> joining = new IdentityHashMap<>();
        lock.writeLock().lock();
        try {
            for (int i = 0; i < ids.size(); i++) {
                TermGroup group = groups.computeIfAbsent(clauses.get(i), this::indexGroup);
                joining.computeIfAbsent(group, g -> new ArrayList<>()).add(ids.get(i));
                added.add(group);
            }
            joining.forEach((group, joined) -> group.ids(SortedIds.with(group.ids(), joined)));
        } finally {
            lock.writeLock().unlock();
        }
        return added;
    }

    /** Removes subscriptions from the groups they were added to, in one write; a group left empty is unindexed. */
    void remove(List<String> ids, List<TermGroup> from) {
        if (ids.isEmpty()) {
            return;
        }
        Map<TermGroup, List<String>> leaving = new IdentityHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            leaving.computeIfAbsent(from.get(i), g -> new ArrayList<>()).add(ids.get(i));
        }
        lock.writeLock().lock();
        try {
            leaving.forEach(this::removeLocked);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private TermGroup indexGroup(Clauses clauses) {
        List<List<IndexedLeaf>> resolved = new ArrayList<>(clauses.clauses().size());
        Set<String> topics = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (List<Leaf> clause : clauses.clauses()) {
            List<IndexedLeaf> indexedClause = new ArrayList<>(clause.size());
            for (Leaf leaf : clause) {
                indexedClause.add(use(leaf, topics, categories));
            }
            resolved.add(indexedClause);
        }
        List<IndexedLeaf> optional = new ArrayList<>(clauses.optional().size());
        for (Leaf leaf : clauses.optional()) {
            optional.add(use(leaf, topics, categories));
        }
        TermGroup group = new TermGroup(clauses, resolved, optional, Set.copyOf(topics), Set.copyOf(categories),
                topicBits.mask(topics), freeSlots.isEmpty() ? slots++ : freeSlots.pop());
        for (IndexedLeaf leaf : resolved.get(group.rarest)) {
            leaf.owners.add(group); // a leaf twice in the clause is owned twice and released twice
        }
        return group;
    }

    /** The indexed leaf, one more group using it; a topic or category leaf is noted as named. */
    private IndexedLeaf use(Leaf leaf, Set<String> topics, Set<String> categories) {
        IndexedLeaf indexed = leaves.computeIfAbsent(leaf, l -> {
            IndexedLeaf created = new IndexedLeaf(l);
            index.computeIfAbsent(l.field(), f -> new HashMap<>())
                    .computeIfAbsent(key(l), k -> new ArrayList<>(1)).add(created);
            return created;
        });
        indexed.users++;
        if (leaf.field().equals(PaperFields.TOPICS)) {
            topics.add(leaf.first());
        } else if (leaf.field().equals(PaperFields.CATEGORIES)) {
            categories.add(leaf.first());
        }
        return indexed;
    }

    private void removeLocked(TermGroup group, List<String> left) {
        if (groups.get(group.clauses) != group) {
            return; // already unindexed
        }
        group.ids(SortedIds.without(group.ids(), left));
        if (!group.ids().isEmpty()) {
            return;
        }
        groups.remove(group.clauses);
        freeSlots.push(group.slot);
        for (List<IndexedLeaf> clause : group.resolved) {
            for (IndexedLeaf indexed : clause) {
                release(indexed, group);
            }
        }
        for (IndexedLeaf indexed : group.optional) {
            release(indexed, group);
        }
    }

    /** One group fewer using the leaf; the last one takes it out of the index. */
    private void release(IndexedLeaf indexed, TermGroup group) {
        indexed.owners.remove(group);
        if (--indexed.users == 0) {
            Leaf leaf = indexed.leaf;
            leaves.remove(leaf);
            Map<String, List<IndexedLeaf>> field = index.get(leaf.field());
            List<IndexedLeaf> same = field.get(key(leaf));
            same.remove(indexed);
            if (same.isEmpty()) {
                field.remove(key(leaf));
            }
        }
    }

    /**
     * The groups of subscriptions the paper matches, each with its hits per text field, and how many
     * groups had a leaf of their rarest clause in the paper (the candidates).
     */
    Found match(CanonicalPaper paper) {
        Map<String, PaperTokens> tokens = new HashMap<>();
        for (String field : TEXT_FIELDS) {
            tokens.put(field, PaperTokens.of(paper, field, analyzer));
        }
        lock.readLock().lock();
        try {
            Map<IndexedLeaf, List<Hit>> present = new IdentityHashMap<>();
            tokens.forEach((field, fieldTokens) -> findPhrases(field, fieldTokens, present));
            for (String category : paper.categories()) {
                findValue(PaperFields.CATEGORIES, category.toLowerCase(Locale.ROOT), present);
            }
            for (TopicMatch topic : paper.topics()) {
                findValue(PaperFields.TOPICS, topic.id(), present);
            }
            for (String orcid : PaperFields.orcids(paper)) {
                findValue(PaperFields.ORCID, orcid, present);
            }
            long[] seen = new long[(slots >>> 6) + 1];
            List<TermGroup> candidates = new ArrayList<>();
            for (IndexedLeaf leaf : present.keySet()) {
                for (TermGroup group : leaf.owners) {
                    long bit = 1L << group.slot;
                    if ((seen[group.slot >>> 6] & bit) == 0) {
                        seen[group.slot >>> 6] |= bit;
                        candidates.add(group);
                    }
                }
            }
            List<GroupMatch> matches = new ArrayList<>();
            TopicBits.Paper paperTopics = topicBits.of(paper);
            for (TermGroup group : candidates) {
                if (allPresent(group.others, present)) {
                    matches.add(new GroupMatch(group.ids(), group.firstKey(), paperTopics.named(group),
                            group.categories, hits(group, present)));
                }
            }
            return new Found(matches, candidates.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    private void findPhrases(String field, PaperTokens tokens, Map<IndexedLeaf, List<Hit>> present) {
        Map<String, List<IndexedLeaf>> keyed = index.get(field);
        if (keyed == null) {
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            check(keyed.get(tokens.term(i)), tokens, i, present);
            for (int j = i + 1; j < tokens.size() && tokens.position(j) - tokens.position(i) <= PAIR_REACH; j++) {
                check(keyed.get(pairKey(tokens.term(i), tokens.position(j) - tokens.position(i), tokens.term(j))),
                        tokens, i, present);
            }
        }
    }

    private static void check(List<IndexedLeaf> candidates, PaperTokens tokens, int first,
                              Map<IndexedLeaf, List<Hit>> present) {
        if (candidates == null) {
            return;
        }
        for (IndexedLeaf leaf : candidates) {
            int last = tokens.phraseEnd(first, leaf.leaf.terms(), leaf.leaf.positions());
            if (last >= 0) {
                present.computeIfAbsent(leaf, l -> new ArrayList<>(2)).add(new Hit(tokens.position(first),
                        tokens.startOffset(first), tokens.position(last), tokens.endOffset(last)));
            }
        }
    }

    private void findValue(String field, String value, Map<IndexedLeaf, List<Hit>> present) {
        List<IndexedLeaf> candidates = index.getOrDefault(field, Map.of()).get(value);
        if (candidates != null) {
            for (IndexedLeaf leaf : candidates) {
                present.computeIfAbsent(leaf, l -> new ArrayList<>(1));
            }
        }
    }

    /** Where a leaf is indexed: a near pair of terms, or its first term. */
    private static String key(Leaf leaf) {
        if (leaf.terms().size() > 1 && leaf.positions().get(1) <= PAIR_REACH) {
            return pairKey(leaf.first(), leaf.positions().get(1), leaf.terms().get(1));
        }
        return leaf.first();
    }

    private static String pairKey(String first, int distance, String second) {
        return first + '\u0000' + distance + '\u0000' + second;
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
     * The hits per field, in position order without repeats: one leaf's hits are that already (the
     * tokens are read in order), more leaves in one field are merged.
     */
    private static Map<String, Collection<Hit>> hits(TermGroup group, Map<IndexedLeaf, List<Hit>> present) {
        if (group.textLeaves.isEmpty()) {
            return Map.of();
        }
        Map<String, Collection<Hit>> hits = new HashMap<>(4);
        for (IndexedLeaf leaf : group.textLeaves) {
            addHits(leaf, present, hits);
        }
        return hits;
    }

    private static void addHits(IndexedLeaf leaf, Map<IndexedLeaf, List<Hit>> present, Map<String, Collection<Hit>> hits) {
        List<Hit> found = present.get(leaf);
        if (found != null && !found.isEmpty()) {
            hits.merge(leaf.leaf.field(), found, TermIndex::union);
        }
    }

    private static Collection<Hit> union(Collection<Hit> a, Collection<Hit> b) {
        TreeSet<Hit> merged = a instanceof TreeSet<Hit> set ? set : new TreeSet<>(a);
        merged.addAll(b);
        return merged;
    }

    /**
     * @param matches    the matched groups
     * @param candidates how many groups were checked
     */
    record Found(List<GroupMatch> matches, int candidates) {
    }

    /**
     * Subscriptions with the same clauses that matched a paper, and why.
     *
     * @param ids        the subscription ids, in order
     * @param firstKey   {@link SortedIds#key} of the first id
     * @param topics     the paper's topics (in its order) that the clauses name
     * @param categories the (lowercase) categories the clauses name
     * @param hits       the hits per text field, in position order
     */
    record GroupMatch(List<String> ids, long firstKey, List<String> topics, Set<String> categories, Map<String, Collection<Hit>> hits) {
    }
}
