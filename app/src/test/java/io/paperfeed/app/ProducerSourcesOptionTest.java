package io.paperfeed.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperfeed producer --sources FILE}: the mistakes caught before any connection is made. */
class ProducerSourcesOptionTest {

    @TempDir
    Path dir;

    static String run(String... arguments) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(arguments),
                java.util.stream.Stream.of("--bootstrap-servers", "127.0.0.1:1")).toArray(String[]::new);
        return ConsoleOutput.stderr(() -> assertEquals(2, Main.run(args, Map.of()), "a usage error")).strip();
    }

    @Test
    void aMissingSourcesFileIsOneClearLine() {
        Path missing = dir.resolve("none.yml");
        String err = run("producer", "--sources", missing.toString());
        assertTrue(err.startsWith("paperfeed: cannot read the sources file " + missing), err);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void aMistakeInTheFileNamesTheFileAndTheSource() throws Exception {
        Path file = dir.resolve("sources.yml");
        Files.writeString(file, "sources:\n  - name: biorxiv\n    url: https://api.biorxiv.org/details/biorxiv/{from}/{to}\n"
                + "    interval: 1h\n");
        String err = run("producer", "--sources", file.toString());
        assertEquals("paperfeed: " + file + ": source 'biorxiv': unknown placeholder {to} in "
                + "https://api.biorxiv.org/details/biorxiv/{from}/{to} (known: {from}, {until}, {cursor})", err);
    }

    @Test
    void sourcesExcludeInputAndPoll() throws Exception {
        Path file = dir.resolve("sources.yml");
        Files.writeString(file, "sources:\n  - {name: a, url: 'https://example.org/feed', interval: 1h}\n");
        String expected = "paperfeed: --sources names the sources and their intervals: it excludes --input and --poll";
        assertEquals(expected, run("producer", "--sources", file.toString(), "--input", "../seeds"));
        assertEquals(expected, run("producer", "--sources", file.toString(), "--poll", "10m"));
    }
}
