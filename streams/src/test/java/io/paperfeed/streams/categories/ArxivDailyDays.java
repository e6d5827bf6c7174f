package io.paperfeed.streams.categories;

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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Labelled papers from arXiv-daily JSON lines ({@code 2025-04-DD.jsonl.gz}: {@code id}, {@code title},
 * {@code summary}, {@code categories}), one per distinct arXiv id: a paper listed in several
 * categories, and a day without an announcement that repeats the previous day's batch, count once.
 */
final class ArxivDailyDays {

    private ArxivDailyDays() {
    }

    /** Distinct papers of the days from {@code first} to {@code last} (inclusive, ISO dates), in file order. */
    static List<LabelledPaper> read(Path folder, String first, String last) throws IOException {
        Map<String, LabelledPaper> byId = new LinkedHashMap<>();
        for (String day : days(folder)) {
            if (day.compareTo(first) >= 0 && day.compareTo(last) <= 0) {
                try (InputStream in = Files.newInputStream(folder.resolve(day + ".jsonl.gz"))) {
                    read(in).forEach(p -> byId.putIfAbsent(p.id(), p));
                }
            }
        }
        return List.copyOf(byId.values());
    }

    /** Every line of one gzip JSON-lines file. */
    static List<LabelledPaper> read(InputStream gzip) throws IOException {
        List<LabelledPaper> papers = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzip),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode n = Json.MAPPER.readTree(line);
                List<String> categories = new ArrayList<>();
                n.path("categories").forEach(c -> categories.add(c.asText()));
                papers.add(new LabelledPaper(n.get("id").asText(), n.path("title").asText(null),
                        n.path("summary").asText(null), categories));
            }
        }
        return papers;
    }

    /** The papers whose id is not among {@code seen}. */
    static List<LabelledPaper> without(List<LabelledPaper> papers, Collection<LabelledPaper> seen) {
        Set<String> ids = Set.copyOf(seen.stream().map(LabelledPaper::id).toList());
        return papers.stream().filter(p -> !ids.contains(p.id())).toList();
    }

    private static List<String> days(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl.gz"))
                    .map(n -> n.substring(0, n.length() - ".jsonl.gz".length())).sorted().toList();
        }
    }
}
