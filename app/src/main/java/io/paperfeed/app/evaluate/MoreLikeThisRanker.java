package io.paperfeed.app.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Lucene's MoreLikeThis: the liked (and positively rated) papers' most distinctive terms (title and
 * abstract, English-stemmed, document frequencies from the corpus and the candidates) as one query, BM25.
 */
final class MoreLikeThisRanker implements Ranker {

    private static final Analyzer ANALYZER = new EnglishAnalyzer();
    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;

    /** Indexes the corpus (for document frequencies) and the candidates (to rank) once. */
    MoreLikeThisRanker(List<EvalPaper> corpus, List<EvalPaper> candidates) {
        try {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(ANALYZER))) {
                for (EvalPaper p : corpus) {
                    writer.addDocument(doc(p, "corpus"));
                }
                for (EvalPaper p : candidates) {
                    writer.addDocument(doc(p, "candidate"));
                }
            }
            reader = DirectoryReader.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "Lucene MoreLikeThis";
    }

    @Override
    public double[] scores(List<EvalPaper> liked, List<Rated> ratings, List<EvalPaper> candidates) {
        try {
            {
                MoreLikeThis mlt = new MoreLikeThis(reader);
                mlt.setAnalyzer(ANALYZER);
                mlt.setFieldNames(new String[] {"title", "abstract"});
                mlt.setMinTermFreq(1);
                mlt.setMinDocFreq(2);
                mlt.setMaxQueryTerms(50);
                List<EvalPaper> likes = new ArrayList<>(liked);
                ratings.stream().filter(Rated::positive).map(Rated::paper).forEach(likes::add);
                Map<String, java.util.Collection<Object>> fields = new HashMap<>();
                fields.put("title", new ArrayList<>(likes.stream().map(EvalPaper::title).toList()));
                fields.put("abstract", new ArrayList<>(likes.stream().map(EvalPaper::abstractText).toList()));
                Query like = mlt.like(fields);
                Query query = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST)
                        .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("split", "candidate")),
                                BooleanClause.Occur.FILTER).build();
                IndexSearcher searcher = new IndexSearcher(reader);
                Map<String, Integer> position = new HashMap<>();
                for (int i = 0; i < candidates.size(); i++) {
                    position.put(candidates.get(i).id(), i);
                }
                double[] scores = new double[candidates.size()];
                for (ScoreDoc hit : searcher.search(query, candidates.size()).scoreDocs) {
                    Integer i = position.get(searcher.storedFields().document(hit.doc).get("id"));
                    if (i != null) {
                        scores[i] = hit.score;
                    }
                }
                return scores;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document doc(EvalPaper p, String split) {
        Document d = new Document();
        d.add(new StringField("id", p.id(), Field.Store.YES));
        d.add(new StringField("split", split, Field.Store.NO));
        d.add(new TextField("title", p.title(), Field.Store.NO));
        d.add(new TextField("abstract", p.abstractText(), Field.Store.NO));
        return d;
    }

}
