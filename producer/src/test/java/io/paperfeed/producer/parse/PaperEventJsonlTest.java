package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.serde.Json;
import io.paperfeed.model.serde.PaperSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsed output, written as PaperEvent JSON lines, reads back to the same papers with new provenance. */
class PaperEventJsonlTest {

    static final Instant REREAD = Instant.parse("2025-09-01T00:00:00Z");

    @Test
    void parseOutputReadsBack() throws Exception {
        ParseResult seed = SeedFilesTest.parse("001_");
        List<String> lines = new ArrayList<>();
        for (PaperEvent p : seed.papers()) {
            lines.add(Json.MAPPER.writeValueAsString(p));
        }
        // the Kafka serde writes the same JSON
        lines.set(1, new String(PaperSerdes.PAPER_EVENT.serializer().serialize("t", seed.papers().get(1)),
                StandardCharsets.UTF_8));
        lines.add(3, "{\"arxivId\": \"2507.00001\", \"version\": 0, \"abstract\": \"Version zero.\"}");
        lines.add(5, "");
        byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

        ParseResult r = new FeedReader().read("out/papers.jsonl", content, REREAD);
        assertEquals("paper-event-jsonl", r.format());
        assertEquals(10, r.papers().size());
        assertEquals(List.of("bad-record"), r.invalid().stream().map(InvalidItem::reason).toList());
        assertEquals(4, r.invalid().get(0).source().position());
        List<Integer> expectedLines = List.of(1, 2, 3, 5, 7, 8, 9, 10, 11, 12);
        for (int i = 0; i < 10; i++) {
            PaperEvent before = seed.papers().get(i);
            PaperEvent after = r.papers().get(i);
            assertEquals(before.arxivId(), after.arxivId());
            assertEquals(before.version(), after.version());
            assertEquals(before.title(), after.title());
            assertEquals(before.abstractText(), after.abstractText());
            assertEquals(before.authors(), after.authors());
            assertEquals(before.comment(), after.comment());
            assertEquals(before.published(), after.published());
            assertEquals(before.updated(), after.updated());
            assertEquals("out/papers.jsonl", after.source().source());
            assertEquals("paper-event-jsonl", after.source().format());
            assertEquals(expectedLines.get(i), after.source().position());
            assertEquals(REREAD, after.source().fetchedAt());
        }
    }

    @Test
    void versionGivenApartFromTheIdIsKept() throws Exception {
        String line = "{\"arxivId\":\"2507.20534\",\"version\":2,\"doi\":\"10.1000/x\",\"title\":\"T\","
                + "\"abstract\":\"A.\",\"authors\":[\"A B\"],\"categories\":[\"cs.LG\"],\"comment\":null,"
                + "\"published\":\"Aug 29\",\"updated\":null,\"source\":{\"source\":\"old\",\"format\":\"hf-daily-papers\","
                + "\"position\":3,\"fetchedAt\":\"2025-08-30T06:00:00Z\"}}\n";
        ParseResult r = new FeedReader().read("again.jsonl", line.getBytes(StandardCharsets.UTF_8), REREAD);
        PaperEvent p = r.papers().get(0);
        assertEquals("2507.20534", p.arxivId());
        assertEquals(2, p.version());
        assertEquals("10.1000/x", p.doi());
        assertEquals("Aug 29", p.published());
        assertEquals(1, p.source().position());
        assertEquals("again.jsonl", p.source().source());
    }
}
