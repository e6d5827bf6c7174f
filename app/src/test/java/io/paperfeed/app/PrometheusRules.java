package io.paperfeed.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The alerting rules Prometheus loads, checked against the rest of the stack: every rule has a
 * severity, a summary and a description; every metric it names is one docs/OPERATIONS.md lists (or
 * Prometheus' own {@code up}); every {@code job} it selects is a scrape job; and every alert is
 * exercised by a promtool unit test ({@code *.test.yml}) beside its file.
 */
final class PrometheusRules {

    static final Set<String> SEVERITIES = Set.of("page", "warning");
    static final Path OPERATIONS = DockerComposeConsistencyTest.REPO.resolve("docs/OPERATIONS.md");

    private static final Pattern METRIC = Pattern.compile("\\b((?:paperfeed|kafka|process|jvm|system)_[a-z0-9_]+|up)\\b");
    private static final Pattern JOB = Pattern.compile("\\bjob\\s*=~?\\s*\"([^\"]*)\"");
    private static final Pattern DOCUMENTED = Pattern.compile("`([a-z][a-z0-9_]*\\*?)`");
    private static final Pattern TESTED = Pattern.compile("^\\s*alertname:\\s*(\\S+)\\s*$", Pattern.MULTILINE);

    private PrometheusRules() {
    }

    /** The rule files by their path in the container, read from the repository files mounted there. */
    static Map<String, JsonNode> read(Map<String, Path> files) {
        Map<String, JsonNode> rules = new LinkedHashMap<>();
        files.forEach((container, host) -> rules.put(container, DockerComposeConsistencyTest.readYaml(host)));
        return rules;
    }

    /** The metric names docs/OPERATIONS.md lists ({@code kafka_stream_*} as a prefix). */
    static Set<String> documentedMetrics() {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(OPERATIONS)) {
                if (line.startsWith("| `")) {
                    Matcher m = DOCUMENTED.matcher(line.substring(0, line.indexOf('|', 1)));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The alerts the promtool tests beside a rule file exercise. */
    static Set<String> testedAlerts(Path ruleFile) {
        Set<String> tested = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(ruleFile.getParent())) {
            for (Path test : files.filter(f -> f.getFileName().toString().endsWith(".test.yml")).toList()) {
                String text = Files.readString(test);
                if (text.contains(ruleFile.getFileName().toString())) {
                    Matcher m = TESTED.matcher(text);
                    while (m.find()) {
                        tested.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tested;
    }

    /**
     * @param rules     the rule files by container path
     * @param jobs      the scrape jobs of the Prometheus config
     * @param metrics   the documented metric names
     * @param tested    the alerts unit-tested
     */
    static List<String> problems(Map<String, JsonNode> rules, Set<String> jobs, Set<String> metrics, Set<String> tested) {
        List<String> problems = new ArrayList<>();
        rules.forEach((file, tree) -> {
            if (!tree.path("groups").isArray() || tree.path("groups").isEmpty()) {
                problems.add(file + ": no rule groups");
            }
            for (JsonNode group : tree.path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String name = rule.path("alert").asText(rule.path("record").asText("(unnamed)"));
                    String where = file + ": " + name;
                    String expr = rule.path("expr").asText("");
                    if (expr.isBlank()) {
                        problems.add(where + ": no expr");
                    }
                    if (rule.has("alert")) {
                        if (!SEVERITIES.contains(rule.path("labels").path("severity").asText())) {
                            problems.add(where + ": severity must be one of " + SEVERITIES);
                        }
                        for (String annotation : List.of("summary", "description")) {
                            if (rule.path("annotations").path(annotation).asText("").isBlank()) {
                                problems.add(where + ": no " + annotation + " annotation");
                            }
                        }
                        if (!tested.contains(name)) {
                            problems.add(where + ": no promtool test (alertname: " + name + ") in a *.test.yml beside it");
                        }
                    }
                    Matcher m = METRIC.matcher(expr);
                    while (m.find()) {
                        String metric = m.group(1);
                        if (!metric.equals("up") && !documented(metric, metrics)) {
                            problems.add(where + ": metric " + metric + " is not in docs/OPERATIONS.md");
                        }
                    }
                    Matcher j = JOB.matcher(expr);
                    while (j.find()) {
                        if (!jobs.contains(j.group(1))) {
                            problems.add(where + ": selects job \"" + j.group(1) + "\", which no scrape config has "
                                    + jobs);
                        }
                    }
                }
            }
        });
        return problems;
    }

    private static boolean documented(String metric, Set<String> metrics) {
        for (String d : metrics) {
            if (d.endsWith("*") ? metric.startsWith(d.substring(0, d.length() - 1)) : metric.equals(d)) {
                return true;
            }
        }
        return false;
    }
}
