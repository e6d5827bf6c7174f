package io.paperfeed.streams.dedup;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.PaperFeedTopology;
import io.paperfeed.streams.PipelineMetrics;
import io.paperfeed.streams.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The dedup figures on arXiv-daily lines: canonical papers against distinct arXiv ids, and the state
 * bytes per paper (keys and values of the three dedup stores, as serialised). Throughput is measured
 * on a real broker by {@code paperfeed bench}, not here: the test driver commits after every record.
 * Run {@link #main}.
 */
public final class DedupFigures {

    record Figures(int lines, int distinctIds, int canonicalPapers, long refsBytes, long indexBytes) {

        String line() {
            double perPaper = canonicalPapers;
            return String.format(Locale.ROOT, "dedup over %d lines: %d canonical papers for %d distinct arXiv ids;"
                    + " state per paper: %,.0f bytes (refs store %,.0f, evidence index %,.0f; both changelogged)",
                    lines, canonicalPapers, distinctIds, (refsBytes + indexBytes) / perPaper,
                    refsBytes / perPaper, indexBytes / perPaper);
        }
    }

    private DedupFigures() {
    }

    static Figures measure(List<ArxivDailyCorpus.Paper> lines, Path stateDir) {
        StreamsSettings settings = new StreamsSettings("unused:9092", "dedup-figures", stateDir, 1, null);
        PipelineMetrics metrics = new PipelineMetrics();
        metrics.bindTo(new SimpleMeterRegistry());
        try (TopologyTestDriver driver = new TopologyTestDriver(PaperFeedTopology.build(settings, metrics),
                settings.toProperties())) {
            var raw = driver.createInputTopic(Topics.PAPERS_RAW.name(), new StringSerializer(), new ByteArraySerializer());
            var canonical = driver.createOutputTopic(Topics.PAPERS_CANONICAL.name(), new StringDeserializer(),
                    PaperSerdes.CANONICAL_PAPER.deserializer());
            for (int i = 0; i < lines.size(); i++) {
                PaperEvent e = sighting(lines.get(i), i);
                raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize(Topics.PAPERS_RAW.name(), e));
            }
            Map<String, CanonicalPaper> latest = new HashMap<>();
            for (KeyValue<String, CanonicalPaper> kv : canonical.readKeyValuesToList()) {
                if (kv.value == null) {
                    latest.remove(kv.key);
                } else {
                    latest.put(kv.key, kv.value);
                }
            }
            Set<String> ids = new HashSet<>();
            lines.forEach(p -> ids.add(p.id()));
            return new Figures(lines.size(), ids.size(), latest.size(),
                    storeBytes(driver.getKeyValueStore(DedupProcessor.REFS_STORE), Serdes.Long(), RefState.SERDE),
                    storeBytes(driver.getKeyValueStore(DedupProcessor.INDEX_STORE), Serdes.Bytes(), Serdes.ByteArray()));
        }
    }

    /** Keys and values of a store as serialised: what RocksDB and the changelog hold. */
    static <K, V> long storeBytes(KeyValueStore<K, V> store, org.apache.kafka.common.serialization.Serde<K> keySerde,
                                  org.apache.kafka.common.serialization.Serde<V> serde) {
        long total = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                KeyValue<K, V> kv = all.next();
                total += keySerde.serializer().serialize("size", kv.key).length
                        + serde.serializer().serialize("size", kv.value).length;
            }
        }
        return total;
    }

    static PaperEvent sighting(ArxivDailyCorpus.Paper p, int line) {
        return new PaperEvent(p.id(), null, null, p.title(), p.summary().replaceAll("\\s+", " ").trim(), List.of(),
                p.categories(), null, null, null, new Provenance("arxiv-daily", "arxiv-daily-jsonl", line + 1,
                Instant.EPOCH));
    }

    /** The distinct papers of arXiv-daily as first sightings (for cost measurements). */
    public static List<CanonicalPaper> papers(Path data) throws java.io.IOException {
        List<ArxivDailyCorpus.Paper> distinct = ArxivDailyCorpus.distinct(ArxivDailyCorpus.lines(data));
        List<CanonicalPaper> papers = new java.util.ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            papers.add(CanonicalPaper.firstSighting("arxiv:" + distinct.get(i).id(), sighting(distinct.get(i), i)));
        }
        return papers;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/arxiv-daily");
        List<ArxivDailyCorpus.Paper> lines = ArxivDailyCorpus.lines(data);
        System.out.println(measure(lines, Files.createTempDirectory("dedup-figures")).line());
    }
}
