package io.paperfeed.app;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code paperfeed demo --port 0} from the packaged jar in a JVM of its own (its embedded broker on
 * 127.0.0.1), its output copied to a log under target/; stopped with SIGTERM on close.
 */
final class DemoProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "paperfeed.jar");
    private static final Pattern PORT = Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics");

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile int port;

    DemoProcess(String logName) throws IOException {
        this(logName, List.of(), Map.of());
    }

    /** With more options for the demo, e.g. {@code --api-token}. */
    DemoProcess(String logName, List<String> options) throws IOException {
        this(logName, options, Map.of());
    }

    /** The demo with more options and environment variables. */
    DemoProcess(String logName, List<String> options, Map<String, String> env) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after package");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", JAR.toString(), "demo", "--port", "0",
                "--input", Path.of("..", "seeds").toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        process = builder.start();
        Path log = Path.of("target", logName);
        Thread copier = new Thread(() -> copy(log), "demo-output");
        copier.setDaemon(true);
        copier.start();
    }

    private void copy(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                lines.add(line);
                Matcher m = PORT.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the demo printed its HTTP port; returns it. */
    int awaitPort() {
        await().atMost(Duration.ofSeconds(90)).until(() -> port > 0 || !process.isAlive());
        if (port == 0) {
            throw new IllegalStateException("the demo exited without serving; see its log: " + lines);
        }
        return port;
    }

    /** Waits until every seed item came through ("all N items through" on its output). */
    void awaitThrough() {
        await().atMost(Duration.ofSeconds(120))
                .until(() -> lines.stream().anyMatch(l -> l.contains("items through")) || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("the demo exited early: " + lines);
        }
    }

    /** Every line the demo printed so far. */
    List<String> output() {
        return List.copyOf(lines);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
