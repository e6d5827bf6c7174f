package io.paperfeed.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alerting rules in deploy/prometheus, checked and unit-tested by promtool
 * ({@code promtool check config}, {@code promtool test rules *.test.yml}) when promtool is on PATH
 * or can be unpacked from Debian's {@code prometheus} package; skipped otherwise.
 */
class AlertingRulesTest {

    static final Path DIR = DockerComposeConsistencyTest.REPO.resolve("deploy/prometheus");

    record Run(int exit, String output) {
    }

    static Run promtool(Path promtool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(promtool.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "promtool ended");
        return new Run(p.exitValue(), output);
    }

    static Path promtool() {
        Optional<Path> promtool = ExternalTool.find("promtool", List.of("prometheus"), true);
        assumeTrue(promtool.isPresent(), "promtool is not on PATH, not in target/tools, and could not be"
                + " installed (apt-get download prometheus / apt-get install -y prometheus failed)");
        return promtool.get();
    }

    @Test
    void theConfigAndItsRuleFilesAreValid() throws Exception {
        Run run = promtool(promtool(), "check", "config", "prometheus.yml");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("SUCCESS: 1 rule files found"), run.output());
    }

    @Test
    void everyRuleUnitTestPasses() throws Exception {
        Path promtool = promtool();
        List<String> tests;
        try (var files = Files.list(DIR)) {
            tests = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".test.yml")).sorted().toList();
        }
        assertTrue(!tests.isEmpty(), "rule tests in " + DIR);
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        args.addAll(tests);
        Run run = promtool(promtool, args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("SUCCESS"), run.output());
    }

    @Test
    void aBrokenRuleFailsItsUnitTest() throws Exception {
        // the same tests against a copy of the rules in which the arXiv rule forgets the sources that did publish
        Path promtool = promtool();
        Path work = Path.of("target", "alert-rules-broken");
        ExternalTool.deleteQuietly(work);
        Files.createDirectories(work);
        String rules = Files.readString(DIR.resolve("alerts.yml"));
        String broken = rules.replace("unless on (job, instance, source)", "or on (job, instance, source)");
        assertTrue(!broken.equals(rules), "the rule to break is there");
        Files.writeString(work.resolve("alerts.yml"), broken);
        Files.copy(DIR.resolve("alerts.test.yml"), work.resolve("alerts.test.yml"));
        Process p = new ProcessBuilder(promtool.toAbsolutePath().toString(), "test", "rules", "alerts.test.yml")
                .directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("alertname: PaperfeedArxivSourceEmptyOnAnnouncementDay"), output);
    }
}
