package io.paperfeed.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short fault run in {@code ./mvnw verify}: the seeds and 30 papers that change id, 3 streams instances
 * on 3 partitions with 3 SIGKILLs (one during a rebalance), 2 webhook workers with 2 SIGKILLs, receivers that
 * hang, answer 500 or are down for a while; the verifier must find nothing lost and nothing duplicated.
 */
class FaultInjectionIT {

    @Test
    void killedAtRandomTheClusterLosesNothingAndDuplicatesNothing(@TempDir Path dir) throws Exception {
        Path jar = Path.of("..", "app", "target", "paperfeed.jar");
        assertTrue(Files.isRegularFile(jar), "the packaged jar exists (integration tests run after package)");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try (PrintStream tee = new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            exit = FaultRun.run(Args.parse(new String[] {"--jar", jar.toString(), "--seeds",
                Path.of("..", "seeds").toString(), "--dir", dir.toString(), "--papers", "30", "--rounds", "4",
                "--pause-ms", "2500", "--stream-kills", "3", "--consumer-kills", "2", "--error-s", "20",
                "--hang-s", "12", "--down-s", "25", "--webhook-wait-s", "180"}));
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, "the verifier found a broken promise:\n" + out);
        assertTrue(out.contains("lost 0, duplicated 0, kills survived 3 (1 during a rebalance)"), out);
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
