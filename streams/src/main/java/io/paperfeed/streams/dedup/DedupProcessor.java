package io.paperfeed.streams.dedup;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One dedup task: reads the exchange topic's partition, plays the two roles of that partition (the
 * evidence index of the keys it owns, {@link ShardIndex}; the refs it owns, {@link PaperOwner}) and
 * writes messages for other partitions back to the exchange topic, decisions to
 * {@code paperfeed.dedup.decisions} and papers to {@code paperfeed.papers.canonical}. A message for
 * this same partition is handled at once, in order, inside the same transaction, so on one partition
 * the whole step is the sequential algorithm with no round trip through Kafka.
 */
public final class DedupProcessor implements Processor<Long, Message, Object, Object>, Outbox {

    public static final String REFS_STORE = "dedup-refs";
    public static final String INDEX_STORE = "dedup-index";
    public static final String TO_EXCHANGE = "dedup-to-exchange";
    public static final String TO_DECISIONS = "dedup-to-decisions";
    public static final String TO_CANONICAL = "dedup-to-canonical";
    static final Duration EXPIRY_INTERVAL = Duration.ofMinutes(10);
    static final int EXPIRY_BUDGET = 20_000;

    private final DedupSettings settings;
    private final Consumer<String> onDuplicate;
    private final Consumer<CanonicalPaper.Change> onPaper;
    private final ArrayDeque<Message> local = new ArrayDeque<>();
    private ProcessorContext<Object, Object> context;
    private ShardIndex index;
    private PaperOwner owner;
    private RefWrites refs;
    private int partition;
    private long timestamp;
    private org.apache.kafka.common.header.Headers headers;

    public DedupProcessor(DedupSettings settings, Consumer<String> onDuplicate, Consumer<CanonicalPaper.Change> onPaper) {
        this.settings = settings;
        this.onDuplicate = onDuplicate;
        this.onPaper = onPaper;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.partition = context.taskId().partition();
        KeyValueStore<Bytes, byte[]> indexStore = context.getStateStore(INDEX_STORE);
        KeyValueStore<Long, RefState> refs = context.getStateStore(REFS_STORE);
        this.index = new ShardIndex(indexStore);
        this.refs = new RefWrites(refs);
        this.owner = new PaperOwner(this.refs, index, this);
        if (settings.bandHorizon() != null) {
            context.schedule(EXPIRY_INTERVAL, PunctuationType.WALL_CLOCK_TIME,
                    now -> index.expire(timestamp - settings.bandHorizon().toMillis(), EXPIRY_BUDGET));
        }
    }

    @Override
    public void process(Record<Long, Message> record) {
        timestamp = record.timestamp();
        headers = record.headers();
        local.add(record.value());
        Message m;
        try {
            while ((m = local.poll()) != null) {
                handle(m);
            }
        } finally {
            refs.flush(); // what a failing chain wrote so far is kept, as when each write went straight to the store
        }
    }

    private void handle(Message m) {
        if (m instanceof Message.Arrive a) {
            owner.arrive(a);
        } else if (m instanceof Message.Probe p) {
            send(new Message.Answer(p.ref(), index.probe(p.ref(), p.keys(), p.time())));
        } else if (m instanceof Message.Register r) {
            index.register(r.ref(), r.keys(), r.time());
        } else if (m instanceof Message.Answer a) {
            owner.answer(a);
        } else if (m instanceof Message.Confirm c) {
            owner.confirm(c);
        } else if (m instanceof Message.Verdict v) {
            owner.verdict(v);
        } else if (m instanceof Message.Merge g) {
            owner.merge(g);
        } else if (m instanceof Message.Absorb a) {
            owner.absorb(a);
        } else if (m instanceof Message.Fold f) {
            owner.fold(f);
        }
    }

    @Override
    public void send(Message message) {
        if (Routing.partition(message.key(), settings.partitions()) == partition) {
            local.add(message);
        } else {
            context.forward(new Record<>(message.key(), message, timestamp, headers), TO_EXCHANGE);
        }
    }

    @Override
    public void decision(DedupDecision decision) {
        context.forward(new Record<>(decision.itemKey(), decision, timestamp, headers), TO_DECISIONS);
    }

    @Override
    public void paper(String id, CanonicalPaper paper) {
        if (paper != null) {
            onPaper.accept(paper.change());
        }
        context.forward(new Record<>(id, paper, timestamp, headers), TO_CANONICAL);
    }

    @Override
    public void duplicate(String reason) {
        onDuplicate.accept(reason);
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    @Override
    public long wallClockMs() {
        return context.currentSystemTimeMs();
    }

    @Override
    public int partitions() {
        return settings.partitions();
    }
}
