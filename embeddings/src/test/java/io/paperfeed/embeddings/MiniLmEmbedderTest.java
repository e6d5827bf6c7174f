package io.paperfeed.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.PaperEmbedding;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

    private static final String KV_CACHE = "Adaptive KV cache merging for long-context LLM inference. We compress "
            + "the key-value cache of transformer decoders by merging similar keys across adjacent tokens.";
    private static final String KV_CACHE_TOO = "Quantizing the key value cache of large language models to two bits "
            + "reduces the memory of long-context inference with little loss in accuracy.";
    private static final String SEGMENTATION = "Semantic segmentation of remote sensing images with a U-Net trained "
            + "on aerial photographs of farmland, evaluated on crop field boundary delineation.";

    private final MiniLmEmbedder embedder = MiniLmEmbedder.shared();

    @Test
    void embedsIntoUnitVectorsOf384Dimensions() {
        float[] v = embedder.embed(KV_CACHE);
        assertEquals(384, v.length);
        assertEquals(1.0, Vectors.dot(v, v), 1e-4);
        assertEquals(MiniLmEmbedder.MODEL_ID, embedder.embedding(KV_CACHE).model());
    }

    @Test
    void papersOnTheSameSubjectAreCloserThanPapersOnAnother() {
        float[] a = embedder.embed(KV_CACHE);
        float[] b = embedder.embed(KV_CACHE_TOO);
        float[] c = embedder.embed(SEGMENTATION);
        double same = Vectors.dot(a, b);
        double other = Vectors.dot(a, c);
        assertTrue(same > other + 0.2, "same subject " + same + ", another " + other);
    }

    @Test
    void theSameTextGivesTheSameVector() {
        assertEquals(1.0, Vectors.dot(embedder.embed(KV_CACHE), embedder.embed(KV_CACHE)), 1e-5);
    }

    @Test
    void quantizationKeepsCosineSimilarityWithinAFewThousandths() {
        String[] texts = {KV_CACHE, KV_CACHE_TOO, SEGMENTATION};
        for (String x : texts) {
            for (String y : texts) {
                float[] a = embedder.embed(x);
                float[] b = embedder.embed(y);
                double exact = Vectors.dot(a, b);
                double quantized = Vectors.dot(PaperEmbedding.of("m", a).values(), PaperEmbedding.of("m", b).values());
                assertEquals(exact, quantized, 0.003);
            }
        }
        assertEquals(520, embedder.embedding(KV_CACHE).vector().length()); // 4 + 384 bytes, base64
    }

    @Test
    void onlyTheFirst128TokensOfATextCount() {
        String longText = String.join(" ", KV_CACHE, KV_CACHE_TOO, KV_CACHE, KV_CACHE_TOO, KV_CACHE, KV_CACHE_TOO); // ~200 tokens
        assertEquals(1.0, Vectors.dot(embedder.embed(longText), embedder.embed(longText + " " + SEGMENTATION)), 1e-5,
                "words past the 128th token change nothing");
        assertTrue(Vectors.dot(embedder.embed(KV_CACHE), embedder.embed(KV_CACHE + " " + SEGMENTATION)) < 0.95,
                "words within the first 128 tokens do count");
    }

    @Test
    void blankTextStillEmbeds() {
        assertEquals(384, embedder.embed("  ").length);
    }
}
