package io.paperfeed.subscriptions.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paperfeed.subscriptions.query.QueryParsing;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class IndexFreeQueriesTest {

    @Test
    void termsAndPhrasesAreRewrittenOnceAsAnyIndexWouldRewriteThem() throws Exception {
        Query query = QueryParsing.parse("\"kv cache\" OR (quantization AND title:\"low rank\"^2) NOT survey");
        Query rewritten = IndexFreeQueries.rewrite(query);
        assertNotNull(rewritten);
        assertEquals(new IndexSearcher(new MultiReader()).rewrite(query), rewritten);
    }

    @Test
    void aMultiTermClauseAnywhereLeavesTheRewriteToEachPaper() {
        assertNull(IndexFreeQueries.rewrite(QueryParsing.parse("transform* OR attention")));
        assertNull(IndexFreeQueries.rewrite(QueryParsing.parse("attention NOT transform*")), "inside a NOT too");
    }
}
