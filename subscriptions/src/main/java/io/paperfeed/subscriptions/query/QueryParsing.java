package io.paperfeed.subscriptions.query;

import java.util.Map;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * Parses Lucene classic query syntax as paperfeed uses it: terms without a field search the title
 * (boosted x2) and the abstract; {@code title:}, {@code abstract:}, {@code authors:},
 * {@code categories:} and {@code topics:} name a field.
 */
public final class QueryParsing {

    private QueryParsing() {
    }

    /** The query, or an {@link IllegalArgumentException} with the parser's message. */
    public static Query parse(String query) {
        QueryParser parser = new MultiFieldQueryParser(new String[] {PaperFields.TITLE, PaperFields.ABSTRACT},
                PaperFields.analyzer(), Map.of(PaperFields.TITLE, 2.0f, PaperFields.ABSTRACT, 1.0f));
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
