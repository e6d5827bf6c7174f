package io.paperfeed.streams.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The partitioned protocol under concurrency: every sighting of a day's listing is sent twice in one
 * burst, once as listed (arXiv id, title) and once edited, without id or title (so only its text can
 * place it), in a shuffled order, and the exchange records are delivered across the partitions in a
 * random order. On 1, 2, 3 and 4 partitions and many schedules, the papers must be exactly those of
 * the sequential run on one partition: no pair of duplicates is missed because its sightings met on
 * different partitions or were in flight together, and no two papers are merged.
 */
class DedupProtocolTest {

    @ParameterizedTest(name = "{0} partitions, schedule {1}")
    @CsvSource({"1,1", "2,1", "2,2", "3,1", "3,2", "3,3", "3,4", "4,1", "4,2", "4,3"})
    void everyScheduleOnEveryPartitionCountGivesTheSequentialPapers(int partitions, long schedule) throws IOException {
        List<PaperEvent> burst = burst(7);
        Map<Set<String>, Integer> sequential = groups(run(1, 0, burst));
        SimulatedDedup run = run(partitions, schedule, burst);
        Map<Set<String>, Integer> concurrent = groups(run);

        assertEquals(burst.size(), run.decisions.size(), "one decision per sighting");
        assertEquals(burst.size(), new HashSet<>(run.decisions.stream().map(DedupDecision::itemKey).toList()).size());
        Set<Set<String>> missing = new HashSet<>(sequential.keySet());
        missing.removeAll(concurrent.keySet());
        Set<Set<String>> extra = new HashSet<>(concurrent.keySet());
        extra.removeAll(sequential.keySet());
        assertEquals(Set.of(), missing, "papers of the sequential run not found; instead: " + extra);
        Map<String, Integer> newPerId = new HashMap<>();
        run.papers.stream().filter(e -> e.getValue() != null && e.getValue().change() == CanonicalPaper.Change.NEW)
                .forEach(e -> newPerId.merge(e.getKey(), 1, Integer::sum));
        assertEquals(run.latest().size(), newPerId.size(), "one NEW per paper, none for a paper later merged");
        newPerId.forEach((id, n) -> assertEquals(1, n, "NEW records of " + id));
        assertTrue(run.latest().size() >= 290, run.latest().size() + " papers");
    }

    /** The burst: 300 listing lines (295 papers) and an id-less edited copy of each, shuffled. */
    private static List<PaperEvent> burst(long seed) throws IOException {
        List<ArxivDailyCorpus.Paper> lines;
        try (InputStream in = DedupProtocolTest.class.getResourceAsStream("/arxiv-daily-2025-04-08-300.jsonl.gz")) {
            lines = ArxivDailyCorpus.read(in);
        }
        Random random = new Random(seed);
        List<PaperEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            events.add(DedupFigures.sighting(lines.get(i), i));
            String other = lines.get((i + 1 + random.nextInt(lines.size() - 1)) % lines.size()).summary();
            events.add(new PaperEvent(null, null, null, null, LightEdits.apply(lines.get(i).summary(), other, random),
                    List.of(), List.of(), null, null, null, new Provenance("copy", "test", i + 1, Instant.EPOCH)));
        }
        Collections.shuffle(events, random);
        return events;
    }

    private static SimulatedDedup run(int partitions, long schedule, List<PaperEvent> events) {
        SimulatedDedup dedup = new SimulatedDedup(partitions, schedule);
        events.forEach(dedup::submit);
        return dedup.run();
    }

    /** Each final paper as the set of item keys merged into it. */
    private static Map<Set<String>, Integer> groups(SimulatedDedup run) {
        Map<Set<String>, Integer> groups = new HashMap<>();
        for (CanonicalPaper p : run.latest().values()) {
            Set<String> items = new TreeSet<>();
            p.sources().forEach(s -> items.add(s.itemKey()));
            groups.merge(items, 1, Integer::sum);
        }
        return groups;
    }
}
