package io.paperfeed.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Poison for every topic paperfeed reads, as any client of the cluster could write it: a value that is
 * not JSON, a null value and a valid JSON of the wrong shape, each recorded with its partition and offset
 * in {@code poison.jsonl}. A null on a compacted topic (canonical, classified, subscriptions, feedback) is a
 * tombstone, data; everything else must come back as a dead letter naming its place.
 */
final class Poison {

    /** Every topic a paperfeed service reads but the streams app's repartition topic. */
    private static final List<String> READ = List.of("paperfeed.papers.raw", "paperfeed.papers.canonical",
            "paperfeed.papers.classified", "paperfeed.subscriptions", "paperfeed.alerts", "paperfeed.alerts.retry",
            "paperfeed.topic.kv-cache", "paperfeed.dedup.exchange", "paperfeed.feedback");
    /** Where a null value is a tombstone. */
    static final Set<String> COMPACTED = Set.of("paperfeed.papers.canonical", "paperfeed.papers.classified",
            "paperfeed.subscriptions", "paperfeed.feedback");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Poison() {
    }

    /**
     * Every topic a paperfeed service reads, the streams app's repartition topic included: of the candidate
     * alerts, or with sharded matching ({@code --match-shards}) of the papers sent to every shard.
     */
    static List<String> topics(int matchShards) {
        List<String> topics = new ArrayList<>(READ);
        topics.add(matchShards == 0 ? "paperfeed-streams-alerts-by-subscription-repartition"
                : "paperfeed-streams-papers-to-match-shards-repartition");
        return topics;
    }

    /** Writes the three kinds to each topic; returns how many records. */
    static int write(String bootstrap, Path file, List<String> topics) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        List<String> lines = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (String topic : topics) {
                lines.add(send(producer, topic, "not-json", "{not json".getBytes(StandardCharsets.UTF_8)));
                lines.add(send(producer, topic, "null", null));
                lines.add(send(producer, topic, "wrong-shape",
                        "{\"color\":\"blue\",\"sizes\":[1,2,3]}".getBytes(StandardCharsets.UTF_8)));
            }
        }
        Files.write(file, lines);
        return lines.size();
    }

    private static String send(KafkaProducer<String, byte[]> producer, String topic, String kind, byte[] value)
            throws Exception {
        RecordMetadata m = producer.send(new ProducerRecord<>(topic, "poison-" + kind, value)).get();
        ObjectNode line = JSON.createObjectNode();
        line.put("topic", topic);
        line.put("partition", m.partition());
        line.put("offset", m.offset());
        line.put("kind", kind);
        line.put("letterExpected", !(value == null && COMPACTED.contains(topic)));
        return line.toString();
    }

    /** The positions poisoned, {@code topic/partition@offset}, as the verifier skips and checks them. */
    static List<ObjectNode> read(Path file) throws IOException {
        List<ObjectNode> records = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                records.add((ObjectNode) JSON.readTree(line));
            }
        }
        return records;
    }
}
