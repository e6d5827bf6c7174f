package io.paperfeed.streams.subscriptions;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.streams.classify.PaperFields;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Subscriptions whose whole query is "any of these topics or categories" (a topic list, a single
 * {@code categories:cs.CL} watch, {@code categories:cs.CL OR topics:kv-cache}…), answered without
 * Lucene: an inverted map from each {@code categories}/{@code topics} value to the subscriptions that
 * name it, looked up with the paper's own (indexed) values. Exactly the papers the query would match,
 * as the values are compared as {@link PaperFields#document} indexes them. Thread-safe.
 */
final class KeywordIndex {

    private static final Set<String> FIELDS = Set.of(PaperFields.CATEGORIES, PaperFields.TOPICS);

    private final Map<String, Map<String, Set<String>>> ids = new ConcurrentHashMap<>();

    /**
     * The exact {@code categories}/{@code topics} terms of a query that is only a disjunction of them
     * (any one matching is enough), or null when the query is anything else (words, prefixes, NOT, AND…).
     */
    static Set<Term> disjunction(Query query) {
        Set<Term> terms = new LinkedHashSet<>();
        return collect(query, terms) && !terms.isEmpty() ? Set.copyOf(terms) : null;
    }

    private static boolean collect(Query query, Set<Term> terms) {
        if (query instanceof TermQuery t) {
            terms.add(t.getTerm());
            return FIELDS.contains(t.getTerm().field());
        }
        if (query instanceof BoostQuery b) {
            return collect(b.getQuery(), terms);
        }
        if (query instanceof ConstantScoreQuery c) {
            return collect(c.getQuery(), terms);
        }
        if (query instanceof BooleanQuery b) {
            if (b.clauses().isEmpty() || b.getMinimumNumberShouldMatch() > 1) {
                return false;
            }
            if (b.clauses().size() == 1) {
                BooleanClause.Occur occur = b.clauses().get(0).getOccur();
                return occur != BooleanClause.Occur.MUST_NOT && collect(b.clauses().get(0).getQuery(), terms);
            }
            for (BooleanClause clause : b.clauses()) {
                if (clause.getOccur() != BooleanClause.Occur.SHOULD || !collect(clause.getQuery(), terms)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    void add(String id, Collection<Term> terms) {
        for (Term t : terms) {
            ids.computeIfAbsent(t.field(), f -> new ConcurrentHashMap<>()).compute(t.text(), (v, set) -> {
                Set<String> added = set == null ? ConcurrentHashMap.newKeySet() : set;
                added.add(id);
                return added;
            });
        }
    }

    void remove(String id, Collection<Term> terms) {
        for (Term t : terms) {
            Map<String, Set<String>> byValue = ids.get(t.field());
            if (byValue != null) {
                byValue.computeIfPresent(t.text(), (v, set) -> {
                    set.remove(id);
                    return set.isEmpty() ? null : set;
                });
            }
        }
    }

    /** The ids of the subscriptions naming one of the paper's categories or topics. */
    Set<String> matching(CanonicalPaper paper) {
        Set<String> found = new LinkedHashSet<>();
        Map<String, Set<String>> categories = ids.get(PaperFields.CATEGORIES);
        if (categories != null) {
            for (String category : paper.categories()) {
                found.addAll(categories.getOrDefault(category.toLowerCase(Locale.ROOT), Set.of()));
            }
        }
        Map<String, Set<String>> topics = ids.get(PaperFields.TOPICS);
        if (topics != null) {
            for (TopicMatch topic : paper.topics()) {
                found.addAll(topics.getOrDefault(topic.id(), Set.of()));
            }
        }
        return found;
    }
}
