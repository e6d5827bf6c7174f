package io.paperfeed.consumer.preview;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.Json;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicClassifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Real arXiv papers from ../shared/data's arxiv-daily JSON lines, classified by the default taxonomy. */
final class ArxivDaily {

    private ArxivDaily() {
    }

    /** The distinct papers of the streams, in order, each classified. */
    static List<CanonicalPaper> classified(List<InputStream> days) throws IOException {
        Map<String, CanonicalPaper> byId = new LinkedHashMap<>();
        for (InputStream day : days) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(day),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    JsonNode n = Json.MAPPER.readTree(line);
                    String id = n.get("id").asText();
                    if (byId.containsKey(id) || n.path("summary").asText("").isBlank()) {
                        continue;
                    }
                    List<String> authors = new ArrayList<>();
                    n.path("authors").forEach(a -> authors.add(a.asText()));
                    List<String> categories = new ArrayList<>();
                    n.path("categories").forEach(c -> categories.add(c.asText()));
                    byId.put(id, CanonicalPaper.firstSighting("arxiv:" + id, new PaperEvent(id, null, null,
                            n.path("title").asText(null), n.path("summary").asText(), authors, categories, null, null,
                            null, List.of(n.path("abs").asText()), new Provenance("arxiv-daily", "arxiv-daily-jsonl", 1,
                                    Instant.EPOCH))));
                }
            }
        }
        try (TopicClassifier classifier = new TopicClassifier(Taxonomy.defaults())) {
            return byId.values().stream().map(p -> p.withTopics(classifier.classify(p))).toList();
        }
    }

    /** The 300 papers of 2025-04-08 in the test resources. */
    static List<CanonicalPaper> sample() throws IOException {
        return classified(List.of(ArxivDaily.class.getResourceAsStream("/arxiv-daily-2025-04-08-300.jsonl.gz")));
    }
}
