package io.paperfeed.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short fault run in {@code ./mvnw verify}: the seeds and 30 papers that change id, 3 streams instances
 * on 3 partitions with 3 SIGKILLs (one during a rebalance), 2 webhook workers with 2 SIGKILLs, receivers that
 * hang, answer 500 or are down for a while; the verifier must find nothing lost and nothing duplicated.
 * With {@code -Dpaperfeed.faults=long} it is the long run of docs/GUARANTEES.md (150 papers, 6 streams kills,
 * 3 consumer kills, a receiver answering 500 for a minute), its work directory kept in
 * {@code faults/target/fault-run}. With {@code -Dpaperfeed.faults.match-shards=3} the streams instances shard the
 * subscriptions over 3 match tasks ({@code --match-shards 3}, docs/ARCHITECTURE.md).
 */
class FaultInjectionIT {

    @Test
    @Timeout(value = 40, unit = TimeUnit.MINUTES) // the long run takes about 15; the short one about 5
    void killedAtRandomTheClusterLosesNothingAndDuplicatesNothing(@TempDir Path temp) throws Exception {
        boolean longRun = "long".equals(System.getProperty("paperfeed.faults"));
        Path dir = longRun ? Path.of("target", "fault-run").toAbsolutePath() : temp;
        if (longRun && Files.exists(dir)) {
            try (var paths = Files.walk(dir)) { // a fresh cluster each time: the broker keeps its data there
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path jar = Path.of("..", "app", "target", "paperfeed.jar");
        assertTrue(Files.isRegularFile(jar), "the packaged jar exists (integration tests run after package)");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try (PrintStream tee = new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            String[] shortRun = {"--papers", "30", "--rounds", "4", "--pause-ms", "2500", "--stream-kills", "3",
                "--consumer-kills", "2", "--error-s", "20", "--hang-s", "12", "--down-s", "25", "--webhook-wait-s", "180"};
            String[] longOne = {"--papers", "150", "--rounds", "7", "--pause-ms", "6000", "--stream-kills", "6",
                "--consumer-kills", "3", "--error-s", "60", "--hang-s", "30", "--down-s", "45", "--webhook-wait-s", "400"};
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--jar", jar.toString(),
                    "--seeds", Path.of("..", "seeds").toString(), "--dir", dir.toString()));
            args.addAll(java.util.List.of(longRun ? longOne : shortRun));
            args.addAll(java.util.List.of("--match-shards", System.getProperty("paperfeed.faults.match-shards", "0")));
            exit = FaultRun.run(Args.parse(args.toArray(String[]::new)));
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, "the verifier found a broken promise:\n" + out);
        assertTrue(out.contains("lost 0, duplicated 0, kills survived " + (longRun ? 9 : 5) + " (" + (longRun ? 6 : 3)
                + " of streams instances, 1 during a rebalance; " + (longRun ? 3 : 2) + " of webhook workers)"), out);
        assertTrue(out.contains("every check holds"), out);
    }

    /** Writes to two streams. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
