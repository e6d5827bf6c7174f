package io.paperfeed.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verifier's poison checks: each poison record the driver wrote has its dead letter (an invalid item
 * whose source is {@code kafka:<topic>/<partition>@<offset>}), a tombstone on a compacted topic has none, and
 * the poison is taken out of the topics before the other checks (it is no paper and no alert).
 */
final class PoisonCheck {

    private PoisonCheck() {
    }

    static String check(Path dir, Map<String, List<TopicDump.Entry>> topics, FaultVerifier.Report report)
            throws IOException {
        List<ObjectNode> poison = Poison.read(dir.resolve("poison.jsonl"));
        if (poison.isEmpty()) {
            return null;
        }
        Set<String> places = new HashSet<>();
        poison.forEach(p -> places.add(place(p.path("topic").asText(), p.path("partition").asInt(),
                p.path("offset").asLong())));
        topics.forEach((topic, entries) -> {
            if (!topic.equals(FaultVerifier.RAW)) { // raw poison are items: invalid ones, accounted as such
                entries.removeIf(e -> places.contains(place(e.topic(), e.partition(), e.offset())));
            }
        });
        Map<String, Integer> letters = new HashMap<>();
        for (TopicDump.Entry e : topics.get(FaultVerifier.INVALID)) {
            JsonNode source = e.value() == null ? null : e.value().path("source").path("source");
            if (source != null && source.isTextual() && source.asText().startsWith("kafka:")) {
                letters.merge(source.asText().substring("kafka:".length()), 1, Integer::sum);
            }
        }
        int expected = 0;
        int found = 0;
        int tombstones = 0;
        int twice = 0;
        for (ObjectNode p : poison) {
            String at = place(p.path("topic").asText(), p.path("partition").asInt(), p.path("offset").asLong());
            int n = letters.getOrDefault(at, 0);
            if (p.path("letterExpected").asBoolean()) {
                expected++;
                if (n == 0) {
                    report.lost++;
                    report.problem("poison " + p.path("kind").asText() + " at " + at + " has no dead letter");
                } else {
                    found++;
                    twice += n - 1;
                }
            } else {
                tombstones++;
                if (n > 0) {
                    report.problem("the tombstone at " + at + " was dead-lettered as if it were poison");
                }
            }
        }
        return String.format("  poison: %d records on %d topics; %d dead letters expected, %d found, each naming its "
                + "topic/partition/offset (%d written twice by an at-least-once writer); %d tombstones passed as data",
                poison.size(), poison.stream().map(p -> p.path("topic").asText()).distinct().count(), expected, found,
                twice, tombstones);
    }

    static String place(String topic, int partition, long offset) {
        return topic + "/" + partition + "@" + offset;
    }
}
