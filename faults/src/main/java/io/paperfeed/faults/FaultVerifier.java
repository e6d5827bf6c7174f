package io.paperfeed.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verifier: reads the pipeline's topics read-committed ({@link TopicDump}: the plain Kafka client and
 * Jackson, no paperfeed code) and the run's own records (the driver's count and truth file, the killer's
 * kills, the receivers' receipts), and checks the promises as a black box:
 *
 * <ul>
 *   <li>nothing lost: the raw topic holds every item the producer reported, and every raw item is in some
 *       paper's sources, an invalid item or an exact repeat (a REPEAT decision);</li>
 *   <li>no paper split or duplicated: every generated paper (journal version, then preprint) is one paper
 *       under its arXiv id; no item is in two papers; no two papers share an arXiv id or DOI; each paper has
 *       exactly one NEW record on the canonical topic (over all its ids);</li>
 *   <li>one alert per (subscription, paper): every paper has exactly one alert of {@code --all-papers}, and
 *       no subscription has two alerts of one paper;</li>
 *   <li>poison ({@code poison.jsonl}): every record that is not what its topic holds came back as a dead
 *       letter naming its topic, partition and offset; a null on a compacted topic (a tombstone) did not;</li>
 *   <li>webhooks ({@code --webhooks SUB,...}): every alert of those subscriptions reached its receiver (2xx),
 *       every request carried its alert's id as {@code webhook-id}; {@code --exactly-once SUB --within-s S}:
 *       each of SUB's alerts arrived exactly once, within S seconds of its paper's sighting.</li>
 * </ul>
 *
 * It prints the figures and exits 0 when every check holds, 1 otherwise. With {@code --wait-s} it looks again
 * until the checks hold or the time is up (webhook retries take a while).
 */
public final class FaultVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RAW = "paperfeed.papers.raw";
    static final String INVALID = "paperfeed.papers.invalid";
    static final String DECISIONS = "paperfeed.dedup.decisions";
    static final String CANONICAL = "paperfeed.papers.canonical";
    static final String CLASSIFIED = "paperfeed.papers.classified";
    static final String ALERTS = "paperfeed.alerts";

    private FaultVerifier() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        long deadline = System.currentTimeMillis() + 1000L * Long.parseLong(a.getOrDefault("wait-s", "0"));
        Report report;
        while (true) {
            report = verify(a);
            if (report.problems.isEmpty() || System.currentTimeMillis() > deadline) {
                break;
            }
            Thread.sleep(2000);
        }
        report.lines.forEach(System.out::println);
        report.problems.forEach(p -> System.out.println("PROBLEM: " + p));
        System.out.println(report.problems.isEmpty() ? "fault verifier: every check holds" : "fault verifier: FAILED");
        System.exit(report.problems.isEmpty() ? 0 : 1);
    }

    /** What one look found. */
    static final class Report {
        final List<String> lines = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        long lost;
        long duplicated;

        void problem(String what) {
            if (problems.size() < 40) {
                problems.add(what);
            }
        }
    }

    static Report verify(Map<String, String> a) throws IOException {
        Path dir = Path.of(a.get("dir"));
        Report report = new Report();
        Map<String, List<TopicDump.Entry>> topics = TopicDump.read(a.get("bootstrap"),
                List.of(RAW, INVALID, DECISIONS, CANONICAL, CLASSIFIED, ALERTS));
        String poisonLine = PoisonCheck.check(dir, topics, report);

        // items in
        Set<String> rawKeys = new HashSet<>();
        topics.get(RAW).forEach(e -> rawKeys.add(e.key()));
        Set<String> producerInvalid = new HashSet<>();
        Set<String> invalidKeys = new HashSet<>();
        for (TopicDump.Entry e : topics.get(INVALID)) {
            invalidKeys.add(e.key());
            if (e.value() != null && "producer".equals(e.value().path("stage").asText())) {
                producerInvalid.add(e.key());
            }
        }
        long fed = Files.exists(dir.resolve("driver.json"))
                ? JSON.readTree(dir.resolve("driver.json").toFile()).path("items").asLong() : -1;
        long itemsIn = rawKeys.size() + producerInvalid.size();
        if (fed >= 0 && itemsIn < fed) {
            report.lost += fed - itemsIn;
            report.problem("the producer reported " + fed + " items, the topics hold " + itemsIn);
        }
        if (topics.get(RAW).size() != rawKeys.size()) {
            report.problem((topics.get(RAW).size() - rawKeys.size()) + " raw items were published twice");
        }

        // papers out, with every id a paper went by
        Map<String, JsonNode> papers = new LinkedHashMap<>();
        Map<String, String> movedTo = new HashMap<>();
        for (TopicDump.Entry e : topics.get(CLASSIFIED)) {
            if (e.raw() == null) {
                papers.remove(e.key());
            } else if (e.value() != null) {
                papers.put(e.key(), e.value());
                e.value().path("aliases").forEach(alias -> movedTo.put(alias.asText(), e.key()));
            }
        }
        Map<String, String> paperOfItem = new HashMap<>();
        for (var p : papers.entrySet()) {
            for (JsonNode source : p.getValue().path("sources")) {
                String item = source.path("source").asText() + "#" + source.path("position").asInt();
                String other = paperOfItem.put(item, p.getKey());
                if (other != null) {
                    report.duplicated++;
                    report.problem("item " + item + " is in two papers: " + other + " and " + p.getKey());
                }
            }
        }

        // nothing lost
        Set<String> repeats = new HashSet<>();
        for (TopicDump.Entry e : topics.get(DECISIONS)) {
            if (e.value() != null && "REPEAT".equals(e.value().path("outcome").asText())) {
                repeats.add(e.value().path("itemKey").asText());
            }
        }
        long lostItems = rawKeys.stream().filter(k -> !paperOfItem.containsKey(k) && !invalidKeys.contains(k)
                && !repeats.contains(k)).count();
        if (lostItems > 0) {
            report.lost += lostItems;
            report.problem(lostItems + " items are in no paper, no invalid item and no repeat, e.g. "
                    + rawKeys.stream().filter(k -> !paperOfItem.containsKey(k) && !invalidKeys.contains(k)
                    && !repeats.contains(k)).findFirst().orElse(""));
        }

        // no paper split or duplicated
        checkTruth(dir, papers, report);
        checkSharedIds(papers, report);
        Map<String, Integer> news = new HashMap<>();
        for (TopicDump.Entry e : topics.get(CANONICAL)) {
            if (e.value() != null && "NEW".equals(e.value().path("change").asText())) {
                news.merge(finalId(e.key(), movedTo), 1, Integer::sum);
            }
        }
        for (String paper : papers.keySet()) {
            int n = news.getOrDefault(paper, 0);
            if (n != 1) {
                report.duplicated += Math.max(0, n - 1);
                report.problem("paper " + paper + " has " + n + " NEW records on the canonical topic");
            }
        }

        // one alert per (subscription, paper)
        Map<String, Map<String, List<TopicDump.Entry>>> alerts = new HashMap<>();
        for (TopicDump.Entry e : topics.get(ALERTS)) {
            if (e.value() == null) {
                continue;
            }
            String subscription = e.value().path("subscriptionId").asText();
            String paper = finalId(e.value().path("paper").path("id").asText(), movedTo);
            alerts.computeIfAbsent(subscription, s -> new HashMap<>()).computeIfAbsent(paper, p -> new ArrayList<>())
                    .add(e);
        }
        alerts.forEach((subscription, byPaper) -> byPaper.forEach((paper, list) -> {
            if (list.size() > 1) {
                report.duplicated += list.size() - 1;
                report.problem(subscription + " has " + list.size() + " alerts of " + paper);
            }
        }));
        String allPapers = a.getOrDefault("all-papers", "all-papers");
        Map<String, List<TopicDump.Entry>> everyPaper = alerts.getOrDefault(allPapers, Map.of());
        long unalerted = papers.keySet().stream().filter(p -> !everyPaper.containsKey(p)).count();
        if (unalerted > 0) {
            report.lost += unalerted;
            report.problem(unalerted + " papers have no " + allPapers + " alert, e.g. "
                    + papers.keySet().stream().filter(p -> !everyPaper.containsKey(p)).findFirst().orElse(""));
        }
        long alertsOut = topics.get(ALERTS).size();

        String webhookLine = Webhooks.check(a, dir, alerts, report);
        JsonNode killer = summary(dir.resolve("killer.json"));
        JsonNode consumerKiller = summary(dir.resolve("consumer-kills").resolve("killer.json"));
        int streamsKills = killer.path("kills").asInt();
        int consumerKills = consumerKiller.path("kills").asInt();
        report.lines.add(String.format("items in %d, papers out %d, alerts out %d, lost %d, duplicated %d, "
                        + "kills survived %d (%d of streams instances, %d during a rebalance; %d of webhook workers)",
                itemsIn, papers.size(), alertsOut, report.lost, report.duplicated, streamsKills + consumerKills,
                streamsKills, killer.path("duringRebalance").asInt(), consumerKills));
        report.lines.add(String.format("  raw items %d, invalid at the producer %d, dead letters and invalid items %d, "
                        + "exact repeats %d, generated papers seen twice %d", rawKeys.size(), producerInvalid.size(),
                topics.get(INVALID).size(), repeats.size(), truthCount(dir)));
        if (webhookLine != null) {
            report.lines.add(webhookLine);
        }
        if (poisonLine != null) {
            report.lines.add(poisonLine);
        }
        return report;
    }

    private static JsonNode summary(Path file) throws IOException {
        return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
    }

    static String finalId(String id, Map<String, String> movedTo) {
        String current = id;
        for (int hops = 0; movedTo.containsKey(current) && hops < 10; hops++) {
            current = movedTo.get(current);
        }
        return current;
    }

    /** Every generated paper is one paper, under its arXiv id, holding both its sightings. */
    private static void checkTruth(Path dir, Map<String, JsonNode> papers, Report report) throws IOException {
        Path truth = dir.resolve("truth.jsonl");
        if (!Files.exists(truth)) {
            return;
        }
        Map<String, JsonNode> byDoi = new HashMap<>();
        papers.values().forEach(p -> {
            if (!p.path("doi").isMissingNode() && !p.path("doi").isNull()) {
                byDoi.put(p.path("doi").asText().toLowerCase(java.util.Locale.ROOT), p);
            }
        });
        for (String line : Files.readAllLines(truth)) {
            JsonNode t = JSON.readTree(line);
            JsonNode paper = byDoi.get(t.path("doi").asText().toLowerCase(java.util.Locale.ROOT));
            String expected = "arxiv:" + t.path("arxivId").asText();
            if (paper == null || !paper.path("id").asText().equals(expected)) {
                report.lost++;
                report.problem("generated paper " + t.path("doi").asText() + " is not the paper " + expected
                        + (paper == null ? " (no paper has its DOI)" : " but " + paper.path("id").asText()));
            } else if (paper.path("sources").size() < 2) {
                report.lost++;
                report.problem(expected + " holds " + paper.path("sources").size() + " of its 2 sightings");
            }
        }
    }

    private static void checkSharedIds(Map<String, JsonNode> papers, Report report) {
        for (String field : List.of("arxivId", "doi")) {
            Map<String, String> seen = new HashMap<>();
            for (var p : papers.entrySet()) {
                JsonNode value = p.getValue().path(field);
                if (value.isTextual() && !value.asText().isBlank()) {
                    String other = seen.put(value.asText().toLowerCase(java.util.Locale.ROOT), p.getKey());
                    if (other != null) {
                        report.duplicated++;
                        report.problem("papers " + other + " and " + p.getKey() + " share " + field + " "
                                + value.asText());
                    }
                }
            }
        }
    }

    private static long truthCount(Path dir) throws IOException {
        Path truth = dir.resolve("truth.jsonl");
        return Files.exists(truth) ? Files.readAllLines(truth).size() : 0;
    }
}
