package io.paperfeed.streams;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes the raw topic's bytes into sightings. Bytes that are not a valid paper event become an
 * {@link InvalidItem} whose provenance is the Kafka record itself (topic, partition, offset), so a
 * bad record is reported and kept, never a poison pill.
 */
final class SightingDecoder implements FixedKeyProcessor<String, byte[], DecodedSighting> {

    static final String REASON_UNREADABLE = "unreadable-event";

    private final PipelineMetrics metrics;
    private FixedKeyProcessorContext<String, DecodedSighting> context;

    SightingDecoder(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, DecodedSighting> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        try {
            PaperEvent sighting = PaperSerdes.PAPER_EVENT.deserialize("paperfeed.papers.raw", record.value());
            if (sighting == null) {
                throw new SerializationException("empty value (tombstone)");
            }
            context.forward(record.withValue(DecodedSighting.valid(sighting)));
        } catch (SerializationException e) {
            metrics.invalid(REASON_UNREADABLE);
            context.forward(record.withValue(DecodedSighting.invalid(invalidItem(record, e))));
        }
    }

    private InvalidItem invalidItem(FixedKeyRecord<String, byte[]> record, SerializationException e) {
        String where = context.recordMetadata()
                .map(SightingDecoder::describe)
                .orElse("paperfeed.papers.raw");
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(0L);
        Provenance source = new Provenance("kafka:" + where, "paper-event", (int) Math.min(Integer.MAX_VALUE, offset + 1),
                Instant.ofEpochMilli(record.timestamp()));
        String excerpt = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        return new InvalidItem(REASON_UNREADABLE, e.getMessage(), "streams", source, excerpt, Instant.now());
    }

    private static String describe(RecordMetadata m) {
        return m.topic() + "/" + m.partition() + "@" + m.offset();
    }
}
