package io.paperfeed.subscriptions.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** Which queries the term index may answer, and how they are read. */
class ClausesTest {

    private static Query term(String field, String text) {
        return new TermQuery(new Term(field, text));
    }

    private static Query bool(Object... occurAndQuery) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int i = 0; i < occurAndQuery.length; i += 2) {
            b.add((Query) occurAndQuery[i + 1], (Occur) occurAndQuery[i]);
        }
        return b.build();
    }

    @Test
    void requiredClausesAndOptionalWordsAreRead() {
        Clauses c = Clauses.of(bool(Occur.MUST, term("categories", "cs.lg"), Occur.MUST,
                new PhraseQuery("abstract", "kv", "cach"), Occur.SHOULD, term("title", "quantiz")));
        assertNotNull(c);
        assertEquals(2, c.clauses().size());
        assertEquals(List.of(new Clauses.Leaf("title", List.of("quantiz"), List.of(0))), c.optional());
    }

    @Test
    void optionalWordsUnderAFilterOrAConstantScoreAreNotInTheShape() {
        // Lucene rewrites optional clauses away there, so they give no hits; the index would name them
        Query nested = bool(Occur.MUST, term("title", "transform"), Occur.SHOULD, term("abstract", "attent"));
        assertNull(Clauses.of(bool(Occur.MUST, term("categories", "cs.lg"), Occur.FILTER, nested)));
        assertNull(Clauses.of(new ConstantScoreQuery(nested)));
        assertNotNull(Clauses.of(new ConstantScoreQuery(term("title", "transform"))));
    }

    @Test
    void notSloppyPhrasesAndPhrasesOverValuesAreNotInTheShape() {
        assertNull(Clauses.of(bool(Occur.MUST, term("title", "gan"), Occur.MUST_NOT, term("title", "survei"))));
        assertNull(Clauses.of(new PhraseQuery(2, "abstract", "larg", "model")));
        assertNull(Clauses.of(new PhraseQuery("categories", "cs.lg", "cs.ai")));
    }
}
