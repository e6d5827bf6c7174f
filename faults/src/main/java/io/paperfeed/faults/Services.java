package io.paperfeed.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processes of a fault run, each a JVM of its own: its command line in {@code services/NAME.cmd} (one
 * argument a line), its pid in {@code services/NAME.pid}, its output appended to {@code logs/NAME.log}
 * (across restarts), so the harness starts a service and the killer kills and restarts it by name.
 */
final class Services {

    /** Small heaps and a quick start: ten JVMs share two cores. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final Pattern HTTP_PORT = Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dir;

    Services(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("services"));
        Files.createDirectories(dir.resolve("logs"));
    }

    Path dir() {
        return dir;
    }

    /** {@code java <options> -jar JAR args...}. */
    static List<String> jar(Path jar, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** {@code java -cp <this classpath> MAIN args...}: a program of this module in a JVM of its own. */
    static List<String> main(Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(ownClasspath());
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** This JVM's classpath without paperfeed's own modules (a test run has the app jar on it for ordering). */
    private static String ownClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("paperfeed-app") && !entry.replace('\\', '/').contains("/app/target/"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts (or restarts) the service {@code name} with {@code command} and records it. */
    Process start(String name, List<String> command) throws IOException {
        Files.write(dir.resolve("services").resolve(name + ".cmd"), command);
        return restart(name);
    }

    /** Starts the service again with its recorded command. */
    Process restart(String name) throws IOException {
        List<String> command = Files.readAllLines(dir.resolve("services").resolve(name + ".cmd"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile())).start();
        Files.writeString(dir.resolve("services").resolve(name + ".pid"), Long.toString(process.pid()));
        return process;
    }

    Path log(String name) {
        return dir.resolve("logs").resolve(name + ".log");
    }

    /** The running process of a service, if it is alive. */
    Optional<ProcessHandle> process(String name) throws IOException {
        Path pid = dir.resolve("services").resolve(name + ".pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).filter(ProcessHandle::isAlive);
    }

    /** SIGKILL, and waits until the process is gone. */
    boolean kill(String name) throws IOException {
        Optional<ProcessHandle> process = process(name);
        if (process.isEmpty()) {
            return false;
        }
        process.get().destroyForcibly();
        process.get().onExit().join();
        return true;
    }

    /** The HTTP port the service's latest start printed, if it printed one yet. */
    Optional<Integer> httpPort(String name) throws IOException {
        if (!Files.exists(log(name))) {
            return Optional.empty();
        }
        Matcher m = HTTP_PORT.matcher(Files.readString(log(name)));
        Integer port = null;
        while (m.find()) {
            port = Integer.parseInt(m.group(1));
        }
        return Optional.ofNullable(port);
    }

    /** The service's {@code /health} body, or empty when it does not answer. */
    Optional<String> health(String name) {
        try {
            Optional<Integer> port = httpPort(name);
            if (port.isEmpty()) {
                return Optional.empty();
            }
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port.get() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Optional.of(response.body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Stops every recorded service that is still alive (SIGTERM, then SIGKILL after 20 s). */
    void stopAll() throws IOException {
        List<ProcessHandle> alive = new ArrayList<>();
        try (var files = Files.list(dir.resolve("services"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                String name = f.getFileName().toString().replace(".pid", "");
                process(name).ifPresent(alive::add);
            }
        }
        alive.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : alive) {
            try {
                p.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }
}
