package io.paperfeed.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver: feeds known input through paperfeed's own producer ({@code paperfeed producer --once}, a JVM per
 * round), in rounds with pauses so that the killer strikes while items flow. Round 1 is the seed feeds; then
 * each round publishes a Crossref file of journal versions and the arXiv file of the previous round's papers,
 * so every generated paper is seen first without its arXiv id and later with it. After the seeds it writes
 * {@link Poison} to every topic paperfeed reads. It writes what it fed to
 * {@code driver.json} (items the producer reported) and {@code truth.jsonl} (the generated papers).
 *
 * <pre>FaultDriver --bootstrap HOST:PORT --jar paperfeed.jar --dir WORK --seeds DIR --papers N --rounds R
 *             [--pause-ms MS] [--seed S]</pre>
 */
public final class FaultDriver {

    private static final Pattern PUBLISHED = Pattern.compile("published (\\d+) papers and (\\d+) invalid items");

    private FaultDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        Path dir = Path.of(a.get("dir"));
        Path jar = Path.of(a.get("jar"));
        String bootstrap = a.get("bootstrap");
        int papers = Integer.parseInt(a.getOrDefault("papers", "40"));
        int rounds = Math.max(2, Integer.parseInt(a.getOrDefault("rounds", "4")));
        long pause = Long.parseLong(a.getOrDefault("pause-ms", "3000"));
        long seed = Long.parseLong(a.getOrDefault("seed", "1"));
        Path feeds = Files.createDirectories(dir.resolve("feeds"));

        List<List<FeedFiles.Paper>> batches = new ArrayList<>();
        int perBatch = (papers + rounds - 2) / (rounds - 1);
        for (int from = 0; from < papers; from += perBatch) {
            batches.add(FeedFiles.papers(from, Math.min(papers, from + perBatch), seed));
        }
        writeTruth(dir.resolve("truth.jsonl"), batches);

        long items = 0;
        List<String> seedFiles = new ArrayList<>();
        try (var files = Files.list(Path.of(a.get("seeds")))) {
            files.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(f -> seedFiles.add(f.toString()));
        }
        items += publish(jar, bootstrap, String.join(",", seedFiles));
        List<String> poisoned = Poison.topics(Integer.parseInt(a.getOrDefault("match-shards", "0")));
        int poison = Poison.write(bootstrap, dir.resolve("poison.jsonl"), poisoned);
        System.out.println("fault driver: wrote " + poison + " poison records to " + poisoned.size() + " topics");
        for (int round = 0; round <= batches.size(); round++) {
            Thread.sleep(pause);
            List<String> inputs = new ArrayList<>();
            if (round < batches.size()) {
                Path crossref = feeds.resolve("crossref-journal-versions-" + round + ".json");
                FeedFiles.crossref(crossref, batches.get(round));
                inputs.add(crossref.toString());
            }
            if (round > 0) {
                Path atom = feeds.resolve("arxiv-api-preprints-" + (round - 1) + ".atom.xml");
                FeedFiles.arxivApi(atom, batches.get(round - 1));
                inputs.add(atom.toString());
            }
            items += publish(jar, bootstrap, String.join(",", inputs));
        }
        ObjectNode done = new ObjectMapper().createObjectNode();
        done.put("items", items);
        done.put("generatedPapers", papers);
        done.put("rounds", batches.size() + 1);
        Files.writeString(dir.resolve("driver.json"), done.toString());
        System.out.println("fault driver: fed " + items + " items (seeds and " + papers + " papers seen twice)");
    }

    /** Runs the producer once over the inputs; returns the items it reported (papers and invalid ones). */
    private static long publish(Path jar, String bootstrap, String inputs) throws IOException, InterruptedException {
        List<String> command = Services.jar(jar, "producer", "--bootstrap-servers", bootstrap, "--port", "0",
                "--input", inputs, "--once", "--no-checkpoint");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        long items = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = PUBLISHED.matcher(line);
                if (m.find()) {
                    items = Long.parseLong(m.group(1)) + Long.parseLong(m.group(2));
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || items < 0) {
            throw new IllegalStateException("the producer failed on " + inputs + " (exit " + exit + ")");
        }
        System.out.println("fault driver: published " + items + " items from " + inputs);
        return items;
    }

    private static void writeTruth(Path file, List<List<FeedFiles.Paper>> batches) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (List<FeedFiles.Paper> batch : batches) {
            for (FeedFiles.Paper p : batch) {
                ObjectNode line = json.createObjectNode();
                line.put("doi", p.doi());
                line.put("arxivId", p.arxivId());
                line.put("title", p.title());
                lines.add(line.toString());
            }
        }
        Files.write(file, lines);
    }
}
