package io.paperfeed.streams;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one canonical paper per canonical id in a state store and folds each sighting into it:
 * NEW on the first sighting, UPDATED when a later one adds something, nothing for an exact repeat
 * (the same item re-sent). Input records are keyed by canonical id.
 */
final class PaperDeduplicator implements FixedKeyProcessor<String, PaperEvent, CanonicalPaper> {

    static final String STORE = "canonical-papers";

    private FixedKeyProcessorContext<String, CanonicalPaper> context;
    private KeyValueStore<String, CanonicalPaper> papers;

    @Override
    public void init(FixedKeyProcessorContext<String, CanonicalPaper> context) {
        this.context = context;
        this.papers = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, PaperEvent> record) {
        String id = record.key();
        CanonicalPaper known = papers.get(id);
        CanonicalPaper next = known == null
                ? CanonicalPaper.firstSighting(id, record.value())
                : PaperMerge.merge(known, record.value());
        if (next == null) {
            return;
        }
        papers.put(id, next);
        context.forward(record.withValue(next));
    }
}
