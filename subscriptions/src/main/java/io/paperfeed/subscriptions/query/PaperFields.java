package io.paperfeed.subscriptions.query;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The fields a paper is matched on, and how each is analysed: {@code title} and {@code abstract}
 * with English stemming, {@code authors} as words, {@code categories}, {@code topics} and the authors'
 * ORCID iDs ({@code orcid}) as exact lowercase keywords. A paper's authors are indexed ({@link #indexAnalyzer()}) as their words and then
 * their {@link AuthorNames} keys ({@code lecun|y}, {@code lecun|yann}), which a quoted name in an
 * {@code authors:} query is rewritten to ({@link QueryParsing}).
 */
public final class PaperFields {

    public static final String TITLE = "title";
    public static final String ABSTRACT = "abstract";
    public static final String AUTHORS = "authors";
    public static final String CATEGORIES = "categories";
    public static final String TOPICS = "topics";
    /** The authors' ORCID iDs, lowercase ({@code 0000-0002-1642-628x}), as exact keywords. */
    public static final String ORCID = "orcid";

    private PaperFields() {
    }

    /** The analyzer of query text (and of papers' fields other than authors). */
    public static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(
                AUTHORS, new StandardAnalyzer(),
                CATEGORIES, new KeywordAnalyzer(),
                TOPICS, new KeywordAnalyzer(),
                ORCID, new KeywordAnalyzer()));
    }

    /** The analyzer of papers: as {@link #analyzer()}, with each author's name keys after its words. */
    public static Analyzer indexAnalyzer() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(
                AUTHORS, new AuthorAnalyzer(),
                CATEGORIES, new KeywordAnalyzer(),
                TOPICS, new KeywordAnalyzer(),
                ORCID, new KeywordAnalyzer()));
    }

    /** Author values: their words lowercased, then their name keys. */
    private static final class AuthorAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            AuthorTokenizer tokenizer = new AuthorTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }
    }

    public static Document document(CanonicalPaper paper) {
        Document doc = new Document();
        if (paper.title() != null) {
            doc.add(new TextField(TITLE, paper.title(), Field.Store.NO));
        }
        doc.add(new TextField(ABSTRACT, paper.abstractText(), Field.Store.NO));
        for (String author : paper.authors()) {
            doc.add(new TextField(AUTHORS, author, Field.Store.NO));
        }
        for (String category : paper.categories()) {
            doc.add(new StringField(CATEGORIES, category.toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
        }
        for (TopicMatch topic : paper.topics()) {
            doc.add(new StringField(TOPICS, topic.id(), Field.Store.NO));
        }
        for (String orcid : orcids(paper)) {
            doc.add(new StringField(ORCID, orcid, Field.Store.NO));
        }
        return doc;
    }

    /** The paper's ORCID iDs as indexed: lowercase, each once. */
    public static java.util.List<String> orcids(CanonicalPaper paper) {
        return paper.orcids().values().stream().map(id -> id.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    }

    /** The text of a field, to read matched terms out of highlight offsets. */
    public static String text(CanonicalPaper paper, String field) {
        return switch (field) {
            case TITLE -> paper.title() == null ? "" : paper.title();
            case ABSTRACT -> paper.abstractText();
            default -> "";
        };
    }
}
