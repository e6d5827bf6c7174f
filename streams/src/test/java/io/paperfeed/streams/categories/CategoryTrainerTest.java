package io.paperfeed.streams.categories;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trainer on a committed slice of one training day (2025-04-08, 300 lines). */
class CategoryTrainerTest {

    private static final CategoryTrainer.Options OPTIONS = new CategoryTrainer.Options(10, 2, 8.0, 0.05);
    private static List<LabelledPaper> papers;
    private static CategoryModel model;

    @BeforeAll
    static void train() throws IOException {
        try (InputStream in = CategoryTrainerTest.class.getResourceAsStream("/arxiv-daily-2025-04-08-300.jsonl.gz")) {
            papers = ArxivDailyDays.read(in).stream().distinct().toList();
        }
        model = new CategoryTrainer(OPTIONS).train(papers, List.of("test slice"));
    }

    @Test
    void onlyRealArxivCategoriesWithEnoughPapersArePredicted() {
        assertEquals(List.of("cs.CL", "cs.AI"), new LabelledPaper("x", "t", "a",
                List.of("cs.CL", "I.2.7", "68T50", "cs.AI", "cs.CL")).categories());
        for (String category : model.categories()) {
            long n = papers.stream().filter(p -> p.categories().contains(category)).count();
            assertTrue(n >= OPTIONS.minPapersPerCategory(), category + ": " + n);
        }
        assertTrue(model.categories().containsAll(List.of("cs.CV", "cs.CL", "cs.AI")), model.categories().toString());
    }

    @Test
    void probabilitiesAreLiblinearsOwn() {
        Vocabulary vocabulary = model.vocabulary();
        List<TfIdfVector> vectors = papers.stream()
                .map(p -> vocabulary.vector(PaperTerms.counts(p.title(), p.abstractText()))).toList();
        boolean[] positive = new boolean[papers.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = papers.get(i).categories().contains("cs.CV");
        }
        CategoryTrainer trainer = new CategoryTrainer(OPTIONS);
        Model liblinear = trainer.liblinear(vectors, positive, vocabulary.size());
        double[] w = trainer.fit(vectors, positive, vocabulary.size());
        CategoryModel unpruned = oneCategoryModel(vocabulary, w);
        int plus = liblinear.getLabels()[0] == 1 ? 0 : 1;
        for (TfIdfVector x : vectors.subList(0, 50)) {
            double[] p = new double[2];
            Linear.predictProbability(liblinear, CategoryTrainer.features(x, vocabulary.size()), p);
            assertEquals(p[plus], unpruned.probabilities(x)[0], 1e-9);
        }
    }

    @Test
    void theModelFileGivesBackTheSameModel() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ModelFile.write(model, file);
        CategoryModel read = ModelFile.read(new ByteArrayInputStream(file.toByteArray()));
        assertEquals(model.categories(), read.categories());
        assertTrue(read.notes().contains("test slice"), read.notes().toString());
        for (LabelledPaper p : papers) {
            assertArrayEquals(model.probabilities(model.vector(p.title(), p.abstractText())),
                    read.probabilities(read.vector(p.title(), p.abstractText())), 0.0);
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        ModelFile.write(new CategoryTrainer(OPTIONS).train(papers, List.of("test slice")), again);
        assertArrayEquals(file.toByteArray(), again.toByteArray(), "training is deterministic");
    }

    @Test
    void evenAModelOfOneDayPutsClearPapersInTheirField() {
        CategoryPredictor predictor = new CategoryPredictor(model);
        assertEquals("cs.CV", predictor.ranked(ClearPapers.KMAX_TITLE, ClearPapers.KMAX_ABSTRACT).get(0).category());
        assertEquals("cs.CL", predictor.ranked(ClearPapers.MEXA_TITLE, ClearPapers.MEXA_ABSTRACT).get(0).category());
    }

    @Test
    void aWordVectorIsUnitLengthAndIgnoresUnknownWords() {
        Map<String, Integer> counts = PaperTerms.counts("Segmentation of images", "Segmenting the 3 images, 2025.");
        assertEquals(Map.of("segment", 3, "imag", 3), counts, "stemmed, title twice, no numbers or stop words");
        TfIdfVector x = model.vocabulary().vector(Map.of("segment", 3, "imag", 3, "zzzunknown", 5));
        assertEquals(2, x.indices().length);
        assertEquals(6, x.knownWords());
        assertEquals(1.0, x.values()[0] * x.values()[0] + x.values()[1] * x.values()[1], 1e-12);
        assertFalse(model.vocabulary().vector(Map.of()).knownWords() > 0);
    }

    private static CategoryModel oneCategoryModel(Vocabulary vocabulary, double[] w) {
        double[][] weights = new double[vocabulary.size()][1];
        for (int t = 0; t < vocabulary.size(); t++) {
            weights[t][0] = w[t];
        }
        return new CategoryModel(List.of("cs.CV"), vocabulary, weights, new double[] {w[vocabulary.size()]}, List.of());
    }
}
