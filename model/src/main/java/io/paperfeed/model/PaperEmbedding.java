package io.paperfeed.model;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Objects;

/**
 * A paper's sentence embedding, compact: a unit vector quantized to one signed byte per dimension
 * with one float scale, base64-encoded ({@code 4 + dims} bytes; 520 characters for 384 dimensions).
 * Cosine similarity survives the quantization to about 0.003 (measured in the embeddings module's tests).
 *
 * @param model  the embedding model that made it (vectors of different models are never compared)
 * @param vector base64 of the float scale (big-endian) followed by one byte per dimension
 */
public record PaperEmbedding(String model, String vector) {

    public PaperEmbedding {
        Provenance.requireText(model, "model");
        Provenance.requireText(vector, "vector");
        byte[] bytes = decode(vector);
        if (bytes.length < 5) {
            throw new IllegalArgumentException("an embedding vector has a scale and at least one dimension");
        }
    }

    /** Quantizes a vector (normalised to unit length first). */
    public static PaperEmbedding of(String model, float[] values) {
        Objects.requireNonNull(values, "values");
        float[] unit = unit(values);
        float max = 0f;
        for (float v : unit) {
            max = Math.max(max, Math.abs(v));
        }
        float scale = max == 0f ? 1f : max / 127f;
        ByteBuffer buffer = ByteBuffer.allocate(4 + unit.length).putFloat(scale);
        for (float v : unit) {
            buffer.put((byte) Math.round(v / scale));
        }
        return new PaperEmbedding(model, Base64.getEncoder().encodeToString(buffer.array()));
    }

    /** The vector again, normalised to unit length. */
    public float[] values() {
        ByteBuffer buffer = ByteBuffer.wrap(decode(vector));
        float scale = buffer.getFloat();
        float[] values = new float[buffer.remaining()];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.get() * scale;
        }
        return unit(values);
    }

    /** How many dimensions the vector has. */
    public int dimensions() {
        return decode(vector).length - 4;
    }

    /** The vector scaled to unit length (a zero vector stays zero). */
    public static float[] unit(float[] values) {
        double norm = 0;
        for (float v : values) {
            norm += (double) v * v;
        }
        float[] unit = values.clone();
        if (norm > 0) {
            float inverse = (float) (1.0 / Math.sqrt(norm));
            for (int i = 0; i < unit.length; i++) {
                unit[i] *= inverse;
            }
        }
        return unit;
    }

    private static byte[] decode(String vector) {
        try {
            return Base64.getDecoder().decode(vector);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an embedding vector is base64: " + e.getMessage(), e);
        }
    }
}
