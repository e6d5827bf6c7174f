package io.paperfeed.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.serde.PaperSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictedCategoryTest {

    private static final Provenance SOURCE = new Provenance("seeds/test.txt", "test-format", 1, Instant.EPOCH);

    @Test
    void aPredictionNeedsACategoryAndAProbability() {
        assertEquals(0.5, new PredictedCategory("cs.CV", 0.5).confidence());
        new PredictedCategory("cs.CV", 0.0);
        new PredictedCategory("cs.CV", 1.0);
        assertThrows(IllegalArgumentException.class, () -> new PredictedCategory(" ", 0.5));
        assertThrows(IllegalArgumentException.class, () -> new PredictedCategory(null, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new PredictedCategory("cs.CV", 1.01));
        assertThrows(IllegalArgumentException.class, () -> new PredictedCategory("cs.CV", -0.1));
        assertThrows(IllegalArgumentException.class, () -> new PredictedCategory("cs.CV", Double.NaN));
    }

    @Test
    void aCanonicalPaperCarriesItsPredictionsThroughJsonAndEveryWither() {
        PaperEvent e = new PaperEvent("2507.20534", null, null, "A title", "An abstract.", List.of(), List.of(),
                null, null, null, SOURCE);
        List<PredictedCategory> predicted = List.of(new PredictedCategory("cs.CL", 0.8),
                new PredictedCategory("cs.AI", 0.3));
        CanonicalPaper paper = CanonicalPaper.firstSighting("arxiv:2507.20534", e).withPredictedCategories(predicted);

        assertEquals(predicted, paper.withTopics(List.of(new TopicMatch("llm", 1.0, List.of()))).predictedCategories());
        assertEquals(predicted, paper.withChange(CanonicalPaper.Change.UPDATED).predictedCategories());
        byte[] json = PaperSerdes.CANONICAL_PAPER.serialize("t", paper);
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"categories\":[],\"predictedCategories\":[{\"category\":\"cs.CL\",\"confidence\":0.8}"),
                text);
        assertEquals(paper, PaperSerdes.CANONICAL_PAPER.deserialize("t", json));
    }

    @Test
    void aPaperFromAFeedWithCategoriesOrFromOlderJsonHasNoPredictions() {
        PaperEvent e = new PaperEvent(null, null, null, null, "An abstract.", List.of(), List.of("cs.CV"), null,
                null, null, SOURCE);
        assertEquals(List.of(), CanonicalPaper.firstSighting("content:abc", e).predictedCategories());
        String older = "{\"id\":\"content:abc\",\"abstract\":\"An abstract.\",\"categories\":[\"cs.CV\"],"
                + "\"sources\":[{\"source\":\"s\",\"format\":\"f\",\"position\":1,\"fetchedAt\":\"1970-01-01T00:00:00Z\"}],"
                + "\"change\":\"NEW\"}";
        assertEquals(List.of(), PaperSerdes.CANONICAL_PAPER.deserialize("t", older.getBytes(StandardCharsets.UTF_8))
                .predictedCategories());
    }
}
