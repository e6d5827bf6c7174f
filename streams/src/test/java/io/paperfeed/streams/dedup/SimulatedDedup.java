package io.paperfeed.streams.dedup;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.PaperEvent;
import java.io.File;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedup protocol on N partitions without Kafka: one {@link DedupProcessor} per partition over
 * in-memory stores, and a scheduler that delivers the exchange records in a seeded random order
 * (each partition's records in the order they were appended, as a Kafka partition does, but the
 * partitions interleaved at random). Every record is serialised and read back, as on the topic.
 */
final class SimulatedDedup {

    private final int partitions;
    private final List<DedupProcessor> processors = new ArrayList<>();
    private final List<MockProcessorContext<Object, Object>> contexts = new ArrayList<>();
    private final List<ArrayDeque<byte[]>> queues = new ArrayList<>();
    private final Random random;
    final List<DedupDecision> decisions = new ArrayList<>();
    final List<Map.Entry<String, CanonicalPaper>> papers = new ArrayList<>();
    long delivered;

    SimulatedDedup(int partitions, long seed) {
        this.partitions = partitions;
        this.random = new Random(seed);
        DedupSettings settings = DedupSettings.single().withPartitions(partitions);
        for (int p = 0; p < partitions; p++) {
            MockProcessorContext<Object, Object> context = new MockProcessorContext<>(new Properties(),
                    new TaskId(1, p), new File(System.getProperty("java.io.tmpdir")));
            context.setCurrentSystemTimeMs(0);
            KeyValueStore<Long, RefState> refs = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(DedupProcessor.REFS_STORE), Serdes.Long(), RefState.SERDE)
                    .withLoggingDisabled().build();
            KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> index = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(DedupProcessor.INDEX_STORE), Serdes.Bytes(), Serdes.ByteArray())
                    .withLoggingDisabled().build();
            refs.init(context.getStateStoreContext(), refs);
            index.init(context.getStateStoreContext(), index);
            context.addStateStore(refs);
            context.addStateStore(index);
            DedupProcessor processor = new DedupProcessor(settings, reason -> { }, change -> { });
            processor.init(context);
            processors.add(processor);
            contexts.add(context);
            queues.add(new ArrayDeque<>());
        }
    }

    /** A sighting as the decode step sends it: to its home partition. */
    void submit(PaperEvent event) {
        SightingData s = SightingData.of(event);
        long home = PaperOwner.homeRef(s);
        enqueue(new Message.Arrive(home, s));
    }

    private void enqueue(Message m) {
        queues.get(Routing.partition(m.key(), partitions)).add(Message.encode(m));
    }

    /** Delivers records in random partition order until none is left. */
    SimulatedDedup run() {
        List<Integer> busy = new ArrayList<>();
        while (true) {
            busy.clear();
            for (int p = 0; p < partitions; p++) {
                if (!queues.get(p).isEmpty()) {
                    busy.add(p);
                }
            }
            if (busy.isEmpty()) {
                return this;
            }
            int p = busy.get(random.nextInt(busy.size()));
            Message m = Message.decode(queues.get(p).poll());
            processors.get(p).process(new Record<>(m.key(), m, delivered++));
            var context = contexts.get(p);
            for (var forward : context.forwarded()) {
                Record<?, ?> r = forward.record();
                switch (forward.childName().orElseThrow()) {
                    case DedupProcessor.TO_EXCHANGE -> enqueue((Message) r.value());
                    case DedupProcessor.TO_DECISIONS -> decisions.add((DedupDecision) r.value());
                    case DedupProcessor.TO_CANONICAL -> papers.add(new java.util.AbstractMap.SimpleEntry<>(
                            (String) r.key(), (CanonicalPaper) r.value()));
                    default -> throw new IllegalStateException(forward.childName().toString());
                }
            }
            context.resetForwards();
        }
    }

    /** The papers as they stand at the end: id to record (retired ids removed). */
    Map<String, CanonicalPaper> latest() {
        Map<String, CanonicalPaper> latest = new HashMap<>();
        for (var e : papers) {
            if (e.getValue() == null) {
                latest.remove(e.getKey());
            } else {
                latest.put(e.getKey(), e.getValue());
            }
        }
        return latest;
    }
}
