package io.paperfeed.app.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.embeddings.PaperText;
import io.paperfeed.embeddings.TextEmbedder;
import io.paperfeed.model.serde.Json;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

/**
 * The distinct papers of arXiv-daily ({@code 2025-04-DD.jsonl.gz}), each with the day it was first
 * listed and its embedding. Embedding 4,307 papers takes about 15 s a core; {@code cache} keeps the
 * vectors in a file between runs.
 */
final class EvalCorpus {

    private EvalCorpus() {
    }

    static List<EvalPaper> load(Path folder, TextEmbedder embedder, Path cache, int threads) throws Exception {
        Map<String, String[]> byId = new LinkedHashMap<>();
        Map<String, List<String>> categories = new HashMap<>();
        List<Path> days;
        try (var files = Files.list(folder)) {
            days = files.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList();
        }
        for (Path day : days) {
            String date = day.getFileName().toString().substring(0, 10);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    Files.newInputStream(day)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    JsonNode n = Json.MAPPER.readTree(line);
                    String id = n.get("id").asText();
                    if (!byId.containsKey(id)) {
                        byId.put(id, new String[] {date, n.path("title").asText(""), n.path("summary").asText("")});
                        List<String> cats = new ArrayList<>();
                        n.path("categories").forEach(c -> cats.add(c.asText()));
                        categories.put(id, cats);
                    }
                }
            }
        }
        List<String> ids = List.copyOf(byId.keySet());
        Map<String, float[]> vectors = cache != null && Files.exists(cache) ? readCache(cache) : new HashMap<>();
        List<String> missing = ids.stream().filter(id -> !vectors.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<float[]>> futures = new ArrayList<>();
                for (String id : missing) {
                    String[] p = byId.get(id);
                    futures.add(pool.submit(() -> embedder.embed(PaperText.of(p[1], p[2]))));
                }
                for (int i = 0; i < missing.size(); i++) {
                    vectors.put(missing.get(i), futures.get(i).get());
                }
            } finally {
                pool.shutdown();
            }
            if (cache != null) {
                writeCache(cache, vectors);
            }
        }
        List<EvalPaper> papers = new ArrayList<>();
        for (String id : ids) {
            String[] p = byId.get(id);
            papers.add(new EvalPaper(id, p[0], p[1].replaceAll("\\s+", " ").strip(), p[2].replaceAll("\\s+", " ").strip(),
                    categories.get(id), vectors.get(id)));
        }
        return papers;
    }

    private static Map<String, float[]> readCache(Path cache) throws IOException {
        Map<String, float[]> vectors = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int d = 0; d < v.length; d++) {
                    v[d] = in.readFloat();
                }
                vectors.put(id, v);
            }
        }
        return vectors;
    }

    private static void writeCache(Path cache, Map<String, float[]> vectors) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
            out.writeInt(vectors.size());
            for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        }
    }
}
