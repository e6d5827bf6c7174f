package io.paperfeed.subscriptions.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The terms a query asks for, per field, outside NOT clauses: exact terms and, for prefix and wildcard
 * clauses, their automata. Used to name the category and topic values a paper matched on.
 */
final class FieldTerms {

    private final Map<String, Set<String>> exact = new HashMap<>();
    private final Map<String, List<ByteRunAutomaton>> patterns = new HashMap<>();

    private FieldTerms() {
    }

    static FieldTerms of(Query query, Set<String> fields) {
        FieldTerms terms = new FieldTerms();
        query.visit(terms.new Collector(fields));
        return terms;
    }

    /** Whether the query asks for this (already normalised) value in the field. */
    boolean matches(String field, String value) {
        if (exact.getOrDefault(field, Set.of()).contains(value)) {
            return true;
        }
        List<ByteRunAutomaton> fieldPatterns = patterns.get(field);
        if (fieldPatterns == null) {
            return false;
        }
        BytesRef bytes = new BytesRef(value);
        for (ByteRunAutomaton automaton : fieldPatterns) {
            if (automaton.run(bytes.bytes, bytes.offset, bytes.length)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the query asks for any value in the field. */
    boolean has(String field) {
        return exact.containsKey(field) || patterns.containsKey(field);
    }

    boolean isEmpty() {
        return exact.isEmpty() && patterns.isEmpty();
    }

    private final class Collector extends QueryVisitor {

        private final Set<String> fields;

        Collector(Set<String> fields) {
            this.fields = fields;
        }

        @Override
        public boolean acceptField(String field) {
            return fields.contains(field);
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
        }

        @Override
        public void consumeTerms(Query query, Term... terms) {
            for (Term t : terms) {
                exact.computeIfAbsent(t.field(), f -> new HashSet<>()).add(t.text());
            }
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            patterns.computeIfAbsent(field, f -> new ArrayList<>()).add(automaton.get());
        }
    }
}
