package io.paperfeed.subscriptions.taxonomy;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.subscriptions.query.AnalysedText;
import io.paperfeed.subscriptions.query.PaperFields;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * One paper as a one-document Lucene index, built once and searched by every topic query: the memory
 * index lucene-monitor builds for a document ({@link MemoryIndex} with offsets and payloads, the same
 * analyzer, norms and BM25), holding only the fields the queries search.
 */
final class PaperIndex {

    private final IndexSearcher searcher;
    private final LeafReaderContext leaf;

    private PaperIndex(IndexSearcher searcher) {
        this.searcher = searcher;
        this.leaf = searcher.getIndexReader().leaves().get(0);
    }

    /** The paper as classified (without topics), its {@code fields} analysed by {@code analyzer}. */
    static PaperIndex of(CanonicalPaper paper, Analyzer analyzer, Set<String> fields) {
        MemoryIndex index = new MemoryIndex(true, true);
        for (IndexableField field : PaperFields.document(paper.withTopics(List.of()))) {
            if (!fields.contains(field.name())) {
                continue;
            }
            if (AnalysedText.covers(field.name())) { // analysed once for classification and matching
                index.addField(field.name(), AnalysedText.of(field.name(), field.stringValue()).replay(),
                        analyzer.getPositionIncrementGap(field.name()), analyzer.getOffsetGap(field.name()));
            } else {
                index.addField(field, analyzer);
            }
        }
        index.freeze();
        IndexSearcher searcher = index.createSearcher();
        searcher.setSimilarity(new BM25Similarity());
        searcher.setQueryCache(null);
        return new PaperIndex(searcher);
    }

    IndexSearcher searcher() {
        return searcher;
    }

    LeafReaderContext leaf() {
        return leaf;
    }
}
