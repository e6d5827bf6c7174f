package io.paperfeed.subscriptions.taxonomy;

import io.paperfeed.subscriptions.query.QueryParsing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The taxonomy's queries as lucene-monitor holds them: each topic's query split by the monitor's own
 * {@link QueryDecomposer} into disjuncts, in the order the monitor files them (a topic's score is the
 * sum of its matching disjuncts' scores, added in that order), and per disjunct the terms a paper must
 * have one of for it to match (the monitor's presearcher, as a lookup table). Immutable.
 */
final class TopicQueries {

    /**
     * One disjunct of a topic's query: {@code topic} indexes {@link #ids}; {@code rewritten} is the query
     * rewritten once, when no clause of it depends on the index (terms and phrases only), else null.
     */
    record Disjunct(int topic, Query query, Query rewritten) {

        /** The query ready to weigh against {@code searcher}'s one-document index. */
        Query rewrite(IndexSearcher searcher) throws IOException {
            return rewritten != null ? rewritten : searcher.rewrite(query);
        }
    }

    private final List<String> ids = new ArrayList<>();
    private final List<Disjunct> disjuncts = new ArrayList<>();
    /** field → term → the disjuncts that have it outside a NOT. */
    private final Map<String, Map<BytesRef, int[]>> byTerm = new HashMap<>();
    /** Disjuncts no term lookup can rule out (prefix, wildcard, match-all): always run. */
    private final List<Integer> alwaysRun = new ArrayList<>();
    private final Set<String> fields = new LinkedHashSet<>();

    TopicQueries(Taxonomy taxonomy) {
        QueryDecomposer decomposer = new QueryDecomposer();
        Map<String, Map<BytesRef, List<Integer>>> terms = new HashMap<>();
        for (TopicDefinition topic : taxonomy.topics()) {
            int t = ids.size();
            ids.add(topic.id());
            for (Query disjunct : decomposer.decompose(QueryParsing.parse(topic.query()))) {
                int d = disjuncts.size();
                disjuncts.add(new Disjunct(t, disjunct, IndexFreeQueries.rewrite(disjunct)));
                TermCollector collector = new TermCollector();
                disjunct.visit(collector);
                fields.addAll(collector.fields);
                if (collector.unbounded || collector.terms.isEmpty()) {
                    alwaysRun.add(d);
                }
                for (Term term : collector.terms) {
                    List<Integer> users = terms.computeIfAbsent(term.field(), f -> new HashMap<>())
                            .computeIfAbsent(term.bytes(), b -> new ArrayList<>(1));
                    if (users.isEmpty() || users.get(users.size() - 1) != d) {
                        users.add(d);
                    }
                }
            }
        }
        terms.forEach((field, map) -> {
            Map<BytesRef, int[]> compact = new HashMap<>();
            map.forEach((term, users) -> compact.put(term, users.stream().mapToInt(Integer::intValue).toArray()));
            byTerm.put(field, compact);
        });
    }

    List<String> ids() {
        return ids;
    }

    List<Disjunct> disjuncts() {
        return disjuncts;
    }

    /** The fields the queries search: the only ones a paper's index needs. */
    Set<String> fields() {
        return fields;
    }

    /** Which disjuncts can match the one-document index: those with a term in it, and those always run. */
    boolean[] candidates(LeafReader reader) {
        boolean[] candidate = new boolean[disjuncts.size()];
        alwaysRun.forEach(d -> candidate[d] = true);
        try {
            for (Map.Entry<String, Map<BytesRef, int[]>> field : byTerm.entrySet()) {
                Terms terms = reader.terms(field.getKey());
                if (terms == null) {
                    continue;
                }
                TermsEnum paperTerms = terms.iterator();
                for (BytesRef term = paperTerms.next(); term != null; term = paperTerms.next()) {
                    int[] users = field.getValue().get(term);
                    if (users != null) {
                        for (int d : users) {
                            candidate[d] = true;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return candidate;
    }

    /** The terms of a query outside NOT clauses; {@code unbounded} when some clause matches without a fixed term. */
    private static final class TermCollector extends QueryVisitor {
        final List<Term> terms = new ArrayList<>();
        final Set<String> fields = new LinkedHashSet<>();
        boolean unbounded;

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
        }

        @Override
        public void consumeTerms(Query query, Term... queryTerms) {
            for (Term term : queryTerms) {
                terms.add(term);
                fields.add(term.field());
            }
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            unbounded = true;
            fields.add(field);
        }

        @Override
        public void visitLeaf(Query query) {
            unbounded = true;
        }
    }
}
