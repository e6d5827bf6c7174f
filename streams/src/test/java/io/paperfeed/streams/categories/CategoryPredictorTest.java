package io.paperfeed.streams.categories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.PredictedCategory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model, on papers it never saw. */
class CategoryPredictorTest {

    /**
     * The shipped model scores 0.910 (273/300) top-1 and 0.967 top-3 on the committed held-out slice
     * (0.938 / 0.987 on all 1,347 held-out papers; always answering cs.CV scores 0.64). The floors sit
     * about two standard errors (0.017 at n = 300) below: a change to the analysis, the TF-IDF or the
     * scoring that breaks agreement with the model file falls through them.
     */
    static final double TOP1_FLOOR = 0.87;
    static final double TOP3_FLOOR = 0.94;

    private static CategoryPredictor predictor;
    private static List<LabelledPaper> heldOut;

    @BeforeAll
    static void load() throws IOException {
        predictor = CategoryPredictor.shipped();
        try (InputStream in = CategoryPredictorTest.class.getResourceAsStream(ShippedSlice.HELD_OUT_RESOURCE)) {
            heldOut = ArxivDailyDays.read(in);
        }
    }

    @Test
    void onHeldOutDaysTheTopCategoryIsUsuallyOneOfThePapersOwn() {
        HitRates rates = HitRates.of(predictor, heldOut);
        assertEquals(ShippedSlice.HELD_OUT_PAPERS, rates.papers());
        assertTrue(rates.top1Rate() >= TOP1_FLOOR, String.join("\n", rates.lines()));
        assertTrue(rates.top3Rate() >= TOP3_FLOOR, String.join("\n", rates.lines()));
    }

    @Test
    void aClearVisionPaperGetsCsCvOnTop() {
        List<PredictedCategory> predicted = predictor.predict(ClearPapers.KMAX_TITLE, ClearPapers.KMAX_ABSTRACT);
        assertEquals("cs.CV", predicted.get(0).category(), predicted.toString());
        assertTrue(predicted.get(0).confidence() > 0.9, predicted.toString());
    }

    @Test
    void aClearNlpPaperGetsCsClOnTop() {
        List<PredictedCategory> predicted = predictor.predict(ClearPapers.MEXA_TITLE, ClearPapers.MEXA_ABSTRACT);
        assertEquals("cs.CL", predicted.get(0).category(), predicted.toString());
        assertTrue(predicted.get(0).confidence() > 0.9, predicted.toString());
    }

    @Test
    void atMostThreeAboveTheFloorBestFirstAndRounded() {
        assertEquals(ShippedSlice.HELD_OUT_PAPERS, heldOut.size());
        int ranked = 0;
        for (LabelledPaper p : heldOut) {
            List<PredictedCategory> predicted = predictor.predict(p.title(), p.abstractText());
            ranked += predicted.size() >= 2 ? 1 : 0;
            assertTrue(predicted.size() <= CategoryPredictor.MAX_PREDICTIONS, predicted.toString());
            for (int i = 0; i < predicted.size(); i++) {
                PredictedCategory c = predicted.get(i);
                assertTrue(c.confidence() >= CategoryPredictor.CONFIDENCE_FLOOR, predicted.toString());
                assertEquals(c.confidence(), Math.round(c.confidence() * 1000) / 1000.0);
                assertTrue(i == 0 || predicted.get(i - 1).confidence() >= c.confidence(), predicted.toString());
            }
        }
        // the order and the floor are checked on real lists, not on empty ones
        assertTrue(ranked >= heldOut.size() / 10, "papers with two or more predictions: " + ranked);
    }

    @Test
    void aOneLineAbstractIsTooLittleEvidenceToPredictFrom() {
        assertTrue(predictor.ranked("Kimi K2: Open Agentic Intelligence", "We introduce Kimi K2.").get(0)
                .confidence() > 0.5, "the model alone would be confident");
        assertEquals(List.of(), predictor.predict("Kimi K2: Open Agentic Intelligence", "We introduce Kimi K2."));
        assertEquals(List.of(), predictor.predict(null, "Still flows."));
    }

    @Test
    void theShippedModelSaysWhatItWasTrainedOn() {
        CategoryModel model = CategoryModel.shipped();
        assertTrue(model.notes().stream().anyMatch(n -> n.contains(ShippedSlice.TRAIN_FIRST)
                && n.contains(ShippedSlice.TRAIN_LAST)), model.notes().toString());
        assertEquals(List.of("cs.CV", "cs.CL", "cs.AI"), model.categories().subList(0, 3));
        assertTrue(model.categories().stream().allMatch(LabelledPaper::isArxivCategory));
    }
}
