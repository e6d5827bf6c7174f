package io.paperfeed.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The verifier's webhook checks, over the receivers' {@code receipts.jsonl}. */
final class Webhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Webhooks() {
    }

    /** Checks the webhook subscriptions' alerts against the receipts; the summary line, or null without webhooks. */
    static String check(Map<String, String> a, Path dir, Map<String, Map<String, List<TopicDump.Entry>>> alerts,
                        FaultVerifier.Report report) throws IOException {
        if (!a.containsKey("webhooks")) {
            return null;
        }
        Set<String> subscriptions = Set.of(a.get("webhooks").split(","));
        String exactlyOnce = a.get("exactly-once");
        long within = Long.parseLong(a.getOrDefault("within-s", "30")) * 1000;
        Map<String, List<JsonNode>> receipts = new HashMap<>();
        long requests = 0;
        Path file = dir.resolve("receipts.jsonl");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode r = JSON.readTree(line);
                requests++;
                if (!r.path("webhookId").asText("").equals(r.path("alertId").asText("-"))) {
                    report.duplicated++;
                    report.problem("a request of alert " + r.path("alertId").asText() + " carried webhook-id "
                            + r.path("webhookId").asText());
                }
                receipts.computeIfAbsent(r.path("alertId").asText(), k -> new ArrayList<>()).add(r);
            }
        }
        long expected = 0;
        long delivered = 0;
        long repeats = 0;
        for (String subscription : subscriptions) {
            for (List<TopicDump.Entry> ofPaper : alerts.getOrDefault(subscription, Map.of()).values()) {
                for (TopicDump.Entry alert : ofPaper) {
                    expected++;
                    String alertId = alert.value().path("alertId").asText();
                    List<JsonNode> got = receipts.getOrDefault(alertId, List.of()).stream()
                            .filter(r -> r.path("status").asInt() / 100 == 2).toList();
                    if (got.isEmpty()) {
                        report.lost++;
                        report.problem("alert " + alertId + " of " + subscription + " never reached its receiver");
                        continue;
                    }
                    delivered++;
                    repeats += got.size() - 1;
                    if (subscription.equals(exactlyOnce)) {
                        if (got.size() != 1) {
                            report.duplicated += got.size() - 1;
                            report.problem("alert " + alertId + " of " + subscription + " arrived " + got.size() + " times");
                        }
                        long late = got.get(0).path("at").asLong() - alert.timestamp();
                        if (late > within) {
                            report.problem("alert " + alertId + " of " + subscription + " arrived " + late
                                    + " ms after its paper's sighting");
                        }
                    }
                }
            }
        }
        return String.format("  webhooks: %d alerts of %s, %d delivered, %d repeats (each with its alert's webhook-id), "
                + "%d requests in all", expected, subscriptions, delivered, repeats, requests);
    }
}
