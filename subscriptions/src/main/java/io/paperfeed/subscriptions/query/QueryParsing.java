package io.paperfeed.subscriptions.query;

import java.util.Map;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Parses Lucene classic query syntax as paperfeed uses it: terms without a field search the title
 * (boosted x2) and the abstract; {@code title:}, {@code abstract:}, {@code authors:},
 * {@code categories:} and {@code topics:} name a field. A quoted name of two words or more in
 * {@code authors:} ({@code authors:"Y. LeCun"}, {@code authors:"LeCun, Yann"}) is the one term of its
 * {@link AuthorNames#queryKey key}, so it survives name order and initials; a slop on it is ignored.
 */
public final class QueryParsing {

    private QueryParsing() {
    }

    /** The query, or an {@link IllegalArgumentException} with the parser's message. */
    public static Query parse(String query) {
        QueryParser parser = new MultiFieldQueryParser(new String[] {PaperFields.TITLE, PaperFields.ABSTRACT},
                PaperFields.analyzer(), Map.of(PaperFields.TITLE, 2.0f, PaperFields.ABSTRACT, 1.0f)) {
            @Override // a quoted text comes here (the parser's own calls bypass the boolean overload)
            protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
                String key = PaperFields.AUTHORS.equals(field) ? AuthorNames.queryKey(queryText) : null;
                return key != null ? new TermQuery(new Term(PaperFields.AUTHORS, key))
                        : super.getFieldQuery(field, queryText, slop);
            }
        };
        parser.setSplitOnWhitespace(true);
        try {
            return parser.parse(query);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("invalid query " + query + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unparseable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
