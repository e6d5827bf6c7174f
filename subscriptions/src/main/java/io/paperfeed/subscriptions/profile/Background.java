package io.paperfeed.subscriptions.profile;

import io.paperfeed.model.PaperEmbedding;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Papers a subscription's model learns to tell its liked papers from: the embeddings of 1,000 real arXiv
 * papers (a fixed random sample of arXiv-daily 2025-04-01..20, cs.CV/CL/AI listings and their
 * cross-lists), shipped quantized in a 390 kB file. arxiv-sanity trains each reader's SVM against every
 * other paper in the same way; a fixed sample keeps every streams instance's model the same.
 */
public record Background(String model, List<float[]> vectors) {

    static final String RESOURCE = "background-all-minilm-l6-v2-q.bin.gz";

    private static final class Holder {
        static final Background SHIPPED = load();
    }

    public Background {
        vectors = List.copyOf(vectors);
    }

    /** The background shipped with paperfeed (read once per JVM). */
    public static Background shipped() {
        return Holder.SHIPPED;
    }

    private static Background load() {
        try (InputStream in = Background.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the profile background " + RESOURCE + " is missing from the jar");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file format: gzip of the model id, the count, then each embedding's base64 text. */
    public static Background read(InputStream file) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(file))) {
            String model = in.readUTF();
            int count = in.readInt();
            List<float[]> vectors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                vectors.add(new PaperEmbedding(model, in.readUTF()).values());
            }
            return new Background(model, vectors);
        }
    }

    /** Writes {@code embeddings} (all of {@code model}) in the file format. */
    public static void write(String model, List<PaperEmbedding> embeddings, OutputStream file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(file))) {
            out.writeUTF(model);
            out.writeInt(embeddings.size());
            for (PaperEmbedding e : embeddings) {
                out.writeUTF(e.vector());
            }
        }
    }
}
