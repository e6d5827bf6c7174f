package io.paperfeed.model.topics;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Dead letters: a record of a paperfeed topic that a service could not read or process, written to
 * {@code paperfeed.papers.invalid} as an {@link InvalidItem} (one schema for every reject). Its source is
 * {@code kafka:<topic>/<partition>@<offset>}, its key the same with {@code #<offset + 1>}, so the place of
 * the bad record can be found again, and a letter written twice (at-least-once readers) is recognised.
 * Every service writes them through here, so they all look alike; each topic has one service that writes
 * its letters (docs/EVENTS.md lists which), the others skip and count.
 */
public final class DeadLetters {

    /** The reason of a record whose bytes are not the topic's record type (not JSON, wrong shape, null). */
    public static final String UNREADABLE = "unreadable-record";
    /** The reason of a record that was read but failed in processing. */
    public static final String FAILED = "processing-failed";
    /** The {@code format} of a dead letter's provenance. */
    public static final String FORMAT = "kafka-record";

    private DeadLetters() {
    }

    /**
     * The dead letter of one record.
     *
     * @param stage     the service that met it ({@code streams}, {@code consumer}, {@code webhooks}, ...)
     * @param reason    {@link #UNREADABLE} or {@link #FAILED}
     * @param timestamp the record's timestamp (ms), kept as the provenance's time
     * @param value     the record's bytes (null for a null value), kept as the excerpt
     * @param why       the exception's message
     */
    public static InvalidItem of(String stage, String reason, String topic, int partition, long offset, long timestamp,
                                 byte[] value, String why) {
        Provenance source = new Provenance(source(topic, partition, offset), FORMAT,
                (int) Math.min(Integer.MAX_VALUE, Math.max(0, offset) + 1), Instant.ofEpochMilli(Math.max(0, timestamp)));
        String excerpt = value == null ? "(null value)" : new String(value, StandardCharsets.UTF_8);
        return new InvalidItem(reason, why, stage, source, excerpt, Instant.ofEpochMilli(Math.max(0, timestamp)));
    }

    /** {@code kafka:<topic>/<partition>@<offset>}. */
    public static String source(String topic, int partition, long offset) {
        return "kafka:" + topic + "/" + partition + "@" + offset;
    }

    /** The record to write to {@code paperfeed.papers.invalid} (key: the letter's item key). */
    public static ProducerRecord<String, byte[]> record(InvalidItem letter) {
        String topic = Topics.PAPERS_INVALID.name();
        return new ProducerRecord<>(topic, letter.source().itemKey(), PaperSerdes.INVALID_ITEM.serialize(topic, letter));
    }

    /** As {@link #record}, with the key as bytes (Kafka Streams' dead-letter records). */
    public static ProducerRecord<byte[], byte[]> rawRecord(InvalidItem letter) {
        ProducerRecord<String, byte[]> record = record(letter);
        return new ProducerRecord<>(record.topic(), record.key().getBytes(StandardCharsets.UTF_8), record.value());
    }
}
