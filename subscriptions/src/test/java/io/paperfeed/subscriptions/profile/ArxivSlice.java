package io.paperfeed.subscriptions.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.embeddings.MiniLmEmbedder;
import io.paperfeed.embeddings.PaperText;
import io.paperfeed.model.PaperEmbedding;
import io.paperfeed.model.serde.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The 300 real papers of arXiv-daily 2025-04-08 in the test resources (distinct ids), each embedded once
 * with the shipped model and quantized as the stream carries it.
 */
public final class ArxivSlice {

    /** One paper: id, title, abstract, real categories (primary first), embedding. */
    public record Paper(String id, String title, String abstractText, List<String> categories, PaperEmbedding embedding) {
        public float[] vector() {
            return embedding.values();
        }

        public String primary() {
            return categories.get(0);
        }
    }

    private static List<Paper> papers;

    private ArxivSlice() {
    }

    public static synchronized List<Paper> papers() {
        if (papers == null) {
            Map<String, Paper> byId = new LinkedHashMap<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    ArxivSlice.class.getResourceAsStream("/arxiv-daily-2025-04-08-300.jsonl.gz")), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    JsonNode n = Json.MAPPER.readTree(line);
                    String id = n.get("id").asText();
                    if (byId.containsKey(id)) {
                        continue;
                    }
                    List<String> categories = new ArrayList<>();
                    n.path("categories").forEach(c -> categories.add(c.asText()));
                    String title = n.get("title").asText().replaceAll("\\s+", " ");
                    String abstractText = n.get("summary").asText().replaceAll("\\s+", " ");
                    byId.put(id, new Paper(id, title, abstractText, categories,
                            MiniLmEmbedder.shared().embedding(PaperText.of(title, abstractText))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            papers = List.copyOf(byId.values());
        }
        return papers;
    }

    /** Papers whose only category is {@code category}. */
    public static List<Paper> only(String category) {
        return papers().stream().filter(p -> p.categories().equals(List.of(category))).toList();
    }
}
