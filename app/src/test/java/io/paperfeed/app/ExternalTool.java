package io.paperfeed.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds a Debian-packaged tool for an integration test: on PATH, or in the test's cache under
 * target/tools (unpacked with {@code apt-get download} + {@code dpkg -x}, which needs no root), or
 * installed with {@code apt-get install -y} when running as root. Empty when none of that works,
 * so the test can skip with the reason.
 */
final class ExternalTool {

    private static final Path CACHE = Path.of("target", "tools");

    private ExternalTool() {
    }

    /**
     * @param command  the executable's name
     * @param packages the Debian package(s) providing it
     * @param unpackable whether unpacking the .deb alone gives a working binary (a static Go binary yes,
     *                   chromium with its many shared libraries no)
     */
    static Optional<Path> find(String command, List<String> packages, boolean unpackable) {
        Optional<Path> found = onPath(command).or(() -> cached(command));
        if (found.isPresent() || System.getenv("PAPERFEED_NO_TOOL_INSTALL") != null) {
            return found;
        }
        if (unpackable && run(CACHE, List.of("sh", "-c", "apt-get download " + String.join(" ", packages)
                + " && for d in *.deb; do dpkg -x \"$d\" root; done"))) {
            found = cached(command);
        }
        if (found.isEmpty() && isRoot()) {
            List<String> install = new java.util.ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
            install.addAll(packages);
            run(Path.of("."), install);
            found = onPath(command);
        }
        return found;
    }

    private static Optional<Path> onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> cached(String command) {
        for (String dir : List.of("root/usr/bin", "root/bin")) {
            Path candidate = CACHE.resolve(dir).resolve(command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean run(Path dir, List<String> command) {
        try {
            Files.createDirectories(dir);
            Files.createDirectories(CACHE);
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(CACHE.resolve("install.log").toFile()).start();
            return p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void deleteQuietly(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
