package io.paperfeed.subscriptions.query;

import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.query.PaperFields;
import io.paperfeed.subscriptions.query.QueryParsing;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * The one Lucene query of a subscription, over the fields of {@link PaperFields}.
 *
 * <ul>
 *   <li>query only: the parsed query ({@link QueryParsing}: bare words search title^2 and abstract);</li>
 *   <li>topics only: {@code topics:t1 OR topics:t2 …}, any listed topic matches;</li>
 *   <li>both: {@code +(query) +(topics:t1 OR topics:t2 …)}, a paper must satisfy both.</li>
 * </ul>
 *
 * <p>Terms on {@code categories} and {@code topics} are lowercased, as those fields are indexed
 * (the keyword analyzer leaves query terms as typed, so {@code categories:cs.CL} would otherwise never
 * match). A query that does not parse, has no searchable words (only stop words) or only negative
 * clauses is rejected with an {@link IllegalArgumentException} saying why.
 */
public final class SubscriptionQuery {

    private static final Set<String> KEYWORD_FIELDS = Set.of(PaperFields.CATEGORIES, PaperFields.TOPICS,
            PaperFields.ORCID);

    private SubscriptionQuery() {
    }

    /** The subscription's query, or an {@link IllegalArgumentException} naming the subscription and the reason. */
    public static Query build(Subscription subscription) {
        Query query = subscription.hasQuery() ? parse(subscription.id(), subscription.query()) : null;
        Query topics = topics(subscription);
        if (query == null) {
            return topics;
        }
        if (topics == null) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(topics, BooleanClause.Occur.MUST)
                .build();
    }

    /** Parses one query string as a subscription query (the checks of {@link #build}). */
    static Query parse(String id, String text) {
        Query parsed;
        try {
            parsed = QueryParsing.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("subscription " + id + ": " + e.getMessage(), e);
        }
        if (parsed == null || isEmpty(parsed)) {
            throw new IllegalArgumentException("subscription " + id + ": query " + text
                    + " has no searchable words (only stop words?)");
        }
        if (onlyNegative(parsed)) {
            throw new IllegalArgumentException("subscription " + id + ": query " + text
                    + " has only NOT clauses and would match nothing; add what a paper must contain");
        }
        return lowercaseKeywords(parsed);
    }

    private static Query topics(Subscription subscription) {
        if (subscription.topics().isEmpty()) {
            return null;
        }
        if (subscription.topics().size() == 1) {
            return new TermQuery(new Term(PaperFields.TOPICS, subscription.topics().get(0)));
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String topic : subscription.topics()) {
            any.add(new TermQuery(new Term(PaperFields.TOPICS, topic)), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    private static boolean isEmpty(Query query) {
        return query instanceof BooleanQuery b && b.clauses().isEmpty();
    }

    private static boolean onlyNegative(Query query) {
        Query q = query instanceof BoostQuery boost ? boost.getQuery() : query;
        return q instanceof BooleanQuery b
                && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT);
    }

    /** The query with the terms of keyword fields lowercased, as {@link PaperFields#document} indexes them. */
    static Query lowercaseKeywords(Query query) {
        if (query instanceof TermQuery t && KEYWORD_FIELDS.contains(t.getTerm().field())) {
            return new TermQuery(lower(t.getTerm()));
        }
        if (query instanceof PrefixQuery p && KEYWORD_FIELDS.contains(p.getField())) {
            return new PrefixQuery(lower(p.getPrefix()));
        }
        if (query instanceof WildcardQuery w && KEYWORD_FIELDS.contains(w.getField())) {
            return new WildcardQuery(lower(w.getTerm()));
        }
        if (query instanceof BoostQuery b) {
            return new BoostQuery(lowercaseKeywords(b.getQuery()), b.getBoost());
        }
        if (query instanceof ConstantScoreQuery c) {
            return new ConstantScoreQuery(lowercaseKeywords(c.getQuery()));
        }
        if (query instanceof BooleanQuery b) {
            BooleanQuery.Builder copy = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (BooleanClause clause : b.clauses()) {
                copy.add(lowercaseKeywords(clause.getQuery()), clause.getOccur());
            }
            return copy.build();
        }
        return query;
    }

    private static Term lower(Term term) {
        return new Term(term.field(), term.text().toLowerCase(Locale.ROOT));
    }
}
