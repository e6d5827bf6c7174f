package io.paperfeed.subscriptions.match;

import io.paperfeed.subscriptions.match.Clauses.Leaf;
import io.paperfeed.subscriptions.query.PaperFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Subscriptions with the same clauses in the {@link TermIndex}, and those clauses as indexed leaves:
 * what the registry holds for each of its subscriptions, in place of its query. A group is a candidate
 * for a paper through the leaves of its rarest clause, so a candidate only needs its other clauses checked.
 */
final class TermGroup {

    private static final Set<String> TEXT_FIELDS = Set.of(PaperFields.TITLE, PaperFields.ABSTRACT, PaperFields.AUTHORS);

    final Clauses clauses;
    final List<List<IndexedLeaf>> resolved;
    /** Which of {@link #resolved} is the rarest clause, whose leaves make the group a candidate. */
    final int rarest;
    /** The clauses but the rarest: what a candidate must also have to match (none for one clause). */
    final List<List<IndexedLeaf>> others;
    final List<IndexedLeaf> optional;
    /** The topic ids and the (lowercase) categories the clauses name. */
    final Set<String> topics;
    final Set<String> categories;
    /** The {@link #topics} as {@link TopicBits}: 0 for none. */
    final long topicMask;
    /** The leaves in text fields (the clauses', then the optional ones): the only ones with hits. */
    final List<IndexedLeaf> textLeaves;
    /** A small number no other live group has, to mark candidates in a bit set. */
    final int slot;
    /** Sorted; replaced, never changed (matching reads it unlocked). */
    private volatile List<String> ids = List.of();
    /** {@link SortedIds#key} of the first id, to put matched groups in order without reading their ids. */
    private volatile long firstKey;

    TermGroup(Clauses clauses, List<List<IndexedLeaf>> resolved, List<IndexedLeaf> optional, Set<String> topics,
              Set<String> categories, long topicMask, int slot) {
        this.clauses = clauses;
        this.resolved = resolved;
        this.rarest = rarestClause(clauses);
        List<List<IndexedLeaf>> rest = new ArrayList<>(resolved);
        rest.remove(rarest);
        this.others = List.copyOf(rest);
        this.optional = optional;
        this.topics = topics;
        this.categories = categories;
        this.topicMask = topicMask;
        List<IndexedLeaf> text = new ArrayList<>();
        resolved.forEach(clause -> clause.stream().filter(l -> TEXT_FIELDS.contains(l.leaf.field())).forEach(text::add));
        optional.stream().filter(l -> TEXT_FIELDS.contains(l.leaf.field())).forEach(text::add);
        this.textLeaves = List.copyOf(text);
        this.slot = slot;
    }

    List<String> ids() {
        return ids;
    }

    long firstKey() {
        return firstKey;
    }

    /** Replaces the ids (under the term index's write lock). */
    void ids(List<String> sorted) {
        ids = sorted;
        firstKey = sorted.isEmpty() ? 0 : SortedIds.key(sorted.get(0));
    }

    /**
     * The clause whose leaves the fewest papers are expected to have: a clause is as common as its
     * commonest leaf; a category or topic is commoner than any word, and a longer word or phrase rarer.
     */
    static int rarestClause(Clauses clauses) {
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
        if (leaf.field().equals(PaperFields.ORCID)) {
            return leaf.first().length(); // one person's: as rare as a long word
        }
        if (!TEXT_FIELDS.contains(leaf.field())) {
            return 0;
        }
        int characters = 0;
        for (String term : leaf.terms()) {
            characters += term.length();
        }
        return characters;
    }
}
