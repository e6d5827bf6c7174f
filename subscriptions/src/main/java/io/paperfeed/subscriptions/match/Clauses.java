package io.paperfeed.subscriptions.match;

import io.paperfeed.subscriptions.query.PaperFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A query in the shape most subscriptions have: all of some clauses, each clause any of some terms or
 * exact phrases ({@code "kv cache" AND categories:cs.CL}, {@code authors:"Jane Doe"}, a topic list).
 * Such a query matches exactly when every clause has a leaf the paper contains, so {@link TermIndex}
 * can answer it from an inverted map of leaves without running it. Optional words beside required ones
 * ({@code +"kv cache" quantization}) do not decide the match, only add to the why. Anything else (NOT,
 * prefixes, wildcards, fuzzy or sloppy phrases) is not in this shape.
 *
 * @param clauses  the conjunction; each inner list a disjunction of leaves
 * @param optional leaves beside required clauses: not needed to match, but named when the paper has them
 */
record Clauses(List<List<Leaf>> clauses, List<Leaf> optional) {

    private static final Set<String> TEXT_FIELDS = Set.of(PaperFields.TITLE, PaperFields.ABSTRACT, PaperFields.AUTHORS);

    /** The query's clauses, or null when it is not a conjunction of disjunctions of terms and exact phrases. */
    static Clauses of(Query query) {
        List<List<Leaf>> clauses = new ArrayList<>();
        List<Leaf> optional = new ArrayList<>();
        if (!conjunction(query, clauses, optional, true) || clauses.isEmpty()) {
            return null;
        }
        return new Clauses(List.copyOf(clauses), List.copyOf(optional));
    }

    /**
     * @param scored false under a FILTER clause or a constant score, where Lucene rewrites optional
     *               clauses away (they give no hits there): such a query is not in this shape
     */
    private static boolean conjunction(Query query, List<List<Leaf>> clauses, List<Leaf> optional, boolean scored) {
        Query q = unwrap(query);
        if (q instanceof ConstantScoreQuery c) {
            return conjunction(c.getQuery(), clauses, optional, false);
        }
        if (q instanceof BooleanQuery b && b.clauses().stream().anyMatch(Clauses::required)) {
            if (b.getMinimumNumberShouldMatch() > 0) {
                return false;
            }
            for (BooleanClause clause : b.clauses()) {
                boolean fits = switch (clause.getOccur()) {
                    case MUST -> conjunction(clause.getQuery(), clauses, optional, scored);
                    case FILTER -> conjunction(clause.getQuery(), clauses, optional, false);
                    case SHOULD -> scored && disjunction(clause.getQuery(), optional);
                    case MUST_NOT -> false;
                };
                if (!fits) {
                    return false;
                }
            }
            return true;
        }
        List<Leaf> any = new ArrayList<>();
        if (!disjunction(q, any)) {
            return false;
        }
        clauses.add(List.copyOf(any));
        return true;
    }

    private static boolean disjunction(Query query, List<Leaf> any) {
        Query q = unwrap(query);
        if (q instanceof TermQuery t) {
            any.add(new Leaf(t.getTerm().field(), List.of(t.getTerm().text()), List.of(0)));
            return true;
        }
        if (q instanceof PhraseQuery p) {
            return phrase(p, any);
        }
        if (q instanceof ConstantScoreQuery c) {
            return disjunction(c.getQuery(), any); // a disjunction keeps its clauses without scores
        }
        if (q instanceof BooleanQuery b && !b.clauses().isEmpty() && b.getMinimumNumberShouldMatch() == 0) {
            if (b.clauses().size() == 1 && b.clauses().get(0).getOccur() != BooleanClause.Occur.MUST_NOT) {
                return disjunction(b.clauses().get(0).getQuery(), any);
            }
            for (BooleanClause clause : b.clauses()) {
                if (clause.getOccur() != BooleanClause.Occur.SHOULD || !disjunction(clause.getQuery(), any)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** An exact phrase with strictly increasing positions (a sloppy phrase or stacked terms are not leaves). */
    private static boolean phrase(PhraseQuery p, List<Leaf> any) {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        if (p.getSlop() != 0 || terms.length == 0) {
            return false;
        }
        if (terms.length > 1 && !TEXT_FIELDS.contains(p.getField())) {
            return false; // a phrase over category or topic values: only looked up one value at a time
        }
        List<String> texts = new ArrayList<>(terms.length);
        List<Integer> offsets = new ArrayList<>(terms.length);
        for (int i = 0; i < terms.length; i++) {
            if (i > 0 && positions[i] <= positions[i - 1]) {
                return false;
            }
            texts.add(terms[i].text());
            offsets.add(positions[i] - positions[0]);
        }
        any.add(new Leaf(p.getField(), texts, offsets));
        return true;
    }

    private static boolean required(BooleanClause clause) {
        return clause.getOccur() == BooleanClause.Occur.MUST || clause.getOccur() == BooleanClause.Occur.FILTER;
    }

    private static Query unwrap(Query query) {
        Query q = query;
        while (q instanceof BoostQuery b) {
            q = b.getQuery();
        }
        return q;
    }

    /**
     * One term (a phrase of one) or exact phrase in one field.
     *
     * @param positions each term's position relative to the first (gaps where stop words were)
     */
    record Leaf(String field, List<String> terms, List<Integer> positions) {

        String first() {
            return terms.get(0);
        }
    }
}
