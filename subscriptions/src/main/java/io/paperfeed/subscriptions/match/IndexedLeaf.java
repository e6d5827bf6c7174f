package io.paperfeed.subscriptions.match;

import io.paperfeed.subscriptions.match.Clauses.Leaf;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaf in the {@link TermIndex}, the groups it makes candidates (those whose rarest clause holds it)
 * and how many groups use it at all (it stays indexed while one does, to check their other clauses).
 */
final class IndexedLeaf {

    final Leaf leaf;
    final List<TermGroup> owners = new ArrayList<>(1);
    int users;

    IndexedLeaf(Leaf leaf) {
        this.leaf = leaf;
    }
}
