package io.paperfeed.streams.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.model.serde.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Papers of the arXiv-daily JSON lines (gzip), one per distinct arXiv id, in file order. */
final class ArxivDailyCorpus {

    record Paper(String id, String title, String summary, List<String> categories) {
    }

    private ArxivDailyCorpus() {
    }

    /** Every line of every {@code *.jsonl.gz} under the path, sorted by file name. */
    static List<Paper> lines(Path path) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
        }
        List<Paper> all = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                all.addAll(read(in));
            }
        }
        return all;
    }

    static List<Paper> read(InputStream gzip) throws IOException {
        List<Paper> papers = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzip),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode n = Json.MAPPER.readTree(line);
                List<String> categories = new ArrayList<>();
                n.path("categories").forEach(c -> categories.add(c.asText()));
                papers.add(new Paper(n.get("id").asText(), n.get("title").asText(), n.get("summary").asText(),
                        categories));
            }
        }
        return papers;
    }

    static List<Paper> distinct(List<Paper> lines) {
        Map<String, Paper> byId = new LinkedHashMap<>();
        lines.forEach(p -> byId.putIfAbsent(p.id(), p));
        return List.copyOf(byId.values());
    }
}
