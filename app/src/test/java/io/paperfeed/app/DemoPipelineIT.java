package io.paperfeed.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.model.serde.Json;
import io.paperfeed.testkit.KafkaBroker;
import io.paperfeed.testkit.KafkaBrokerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperfeed demo} end to end through a real broker: what comes out of the output topics. */
@ExtendWith(KafkaBrokerExtension.class)
class DemoPipelineIT {

    private static final Path SEEDS = Path.of("..", "seeds");

    @Test
    void everySeedItemComesOutOfTheOutputTopicsWithItsFieldsAndProvenance(KafkaBroker broker, @TempDir Path out)
            throws IOException {
        int exit = Main.run(new String[] {"demo", "--bootstrap-servers", broker.bootstrapServers(), "--port", "0",
            "--input", SEEDS.toString(), "--export", out.toString(), "--exit-when-idle"}, Map.of());
        assertEquals(0, exit);

        List<JsonNode> papers = readLines(out.resolve("papers.jsonl"));
        List<JsonNode> alerts = readLines(out.resolve("alerts.jsonl"));
        assertEquals(List.of(), readLines(out.resolve("invalid.jsonl")));

        Set<String> ids = new HashSet<>();
        Set<String> itemsSeen = new HashSet<>();
        Map<String, Integer> perFormat = new java.util.TreeMap<>();
        for (JsonNode paper : papers) {
            assertTrue(ids.add(paper.get("id").asText()), "one record per canonical paper: " + paper.get("id"));
            for (String field : List.of("arxivId", "title", "abstract", "authors", "categories", "topics", "sources")) {
                assertTrue(paper.has(field), "papers.jsonl objects have " + field);
            }
            if (!paper.get("arxivId").isNull()) {
                assertEquals("arxiv:" + paper.get("arxivId").asText(), paper.get("id").asText());
            }
            for (JsonNode source : paper.get("sources")) {
                assertTrue(source.get("source").asText().startsWith(SEEDS.toString()));
                itemsSeen.add(source.get("source").asText() + "#" + source.get("position").asInt());
                perFormat.merge(source.get("format").asText(), 1, Integer::sum);
            }
        }
        assertEquals(114, itemsSeen.size(), "every one of the 114 seed items is in some paper's sources");
        assertEquals(Map.of("aggregator-author-page", 6, "arxiv-author-listing", 10, "arxiv-listing-abstracts", 10,
                "hf-daily-papers", 88), perFormat);

        JsonNode kimi = papers.stream().filter(p -> p.get("id").asText().equals("arxiv:2507.20534")).findFirst()
                .orElseThrow();
        assertEquals("Kimi K2: Open Agentic Intelligence", kimi.get("title").asText());

        assertEquals(ids.size(), alerts.size(), "one alert per paper for the built-in subscription");
        Set<String> idsAndAliases = new HashSet<>(ids);
        papers.forEach(p -> p.get("aliases").forEach(alias -> idsAndAliases.add(alias.asText())));
        Set<String> alertIds = new HashSet<>();
        for (JsonNode alert : alerts) {
            assertEquals("all-papers", alert.get("subscriptionId").asText());
            String alertId = alert.path("alertId").asText();
            assertTrue(alertId.matches("alert_[0-9a-f]{24}"), "an alert id: " + alert.get("alertId"));
            assertTrue(alertIds.add(alertId), "one alert id per alert: " + alertId);
            assertTrue(idsAndAliases.contains(alert.get("paper").get("id").asText()),
                    "an alert names a paper by its id or an earlier id");
        }
    }

    @Test
    void badItemsAreReportedWithWhereAndWhyAndTheGoodOnesStillFlow(KafkaBroker broker, @TempDir Path in,
                                                                   @TempDir Path out) throws IOException {
        Path feed = in.resolve("daily.jsonl");
        Files.writeString(feed, String.join("\n",
                "{\"id\":\"2504.00001\",\"title\":\"First good paper\",\"authors\":[\"A. Author\"],\"categories\":[\"cs.CL\"],\"comment\":null,\"summary\":\"An abstract\\nwith a hard break.\",\"pdf\":null,\"abs\":null}",
                "{\"id\": \"2504.00002\", \"title\": broken json",
                "{\"id\":\"2504.00003\",\"title\":\"Second good paper\",\"authors\":[],\"categories\":[\"cs.AI\"],\"comment\":null,\"summary\":\"Another abstract.\",\"pdf\":null,\"abs\":null}",
                ""), StandardCharsets.UTF_8);
        Path junk = in.resolve("junk.bin");
        Files.write(junk, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3, (byte) 0xff, 0});

        int exit = Main.run(new String[] {"demo", "--bootstrap-servers", broker.bootstrapServers(), "--port", "0",
            "--input", in.toString(), "--export", out.toString(), "--exit-when-idle"}, Map.of());
        assertEquals(0, exit);

        List<JsonNode> papers = readLines(out.resolve("papers.jsonl"));
        assertEquals(Set.of("arxiv:2504.00001", "arxiv:2504.00003"),
                Set.copyOf(papers.stream().map(p -> p.get("id").asText()).toList()));
        List<JsonNode> invalid = readLines(out.resolve("invalid.jsonl"));
        assertEquals(2, invalid.size(), invalid.toString());
        Map<String, JsonNode> bySource = new java.util.HashMap<>();
        invalid.forEach(i -> bySource.put(i.get("source").get("source").asText(), i));
        JsonNode badLine = bySource.get(feed.toString());
        assertEquals(2, badLine.get("source").get("position").asInt(), "the bad line's number");
        assertTrue(badLine.get("excerpt").asText().contains("broken json"));
        JsonNode unknown = bySource.get(junk.toString());
        assertEquals("unknown-format", unknown.get("reason").asText());
        assertTrue(unknown.get("detail").asText().contains(junk.toString()), "names the file");
    }

    private static List<JsonNode> readLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(Json.MAPPER.readTree(line));
        }
        return nodes;
    }
}
