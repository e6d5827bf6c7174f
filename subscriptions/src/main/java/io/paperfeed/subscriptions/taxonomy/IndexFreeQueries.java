package io.paperfeed.subscriptions.taxonomy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Rewrites, once, the queries whose rewrite cannot depend on the index searched: those made of terms and
 * phrases only (a prefix, wildcard or other multi-term clause expands to the index's terms, and a leaf
 * without terms may look at the index, so either leaves the query to be rewritten per paper).
 */
final class IndexFreeQueries {

    private IndexFreeQueries() {
    }

    /** The query rewritten, or null when its rewrite depends on the index. */
    static Query rewrite(Query query) {
        IndexDependence visitor = new IndexDependence();
        query.visit(visitor);
        if (visitor.dependent) {
            return null;
        }
        try {
            return new IndexSearcher(new MultiReader()).rewrite(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every clause, NOT ones too: a multi-term or term-less leaf anywhere makes the rewrite index-dependent. */
    private static final class IndexDependence extends QueryVisitor {
        boolean dependent;

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            dependent = true;
        }

        @Override
        public void visitLeaf(Query query) {
            dependent = true;
        }
    }
}
