package io.paperfeed.app.pipeline;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.paperfeed.model.serde.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * Writes what a run's input items produced as JSON lines: papers.jsonl (the latest record of each
 * paper they went into), alerts.jsonl and invalid.jsonl. Output of earlier runs on the same Kafka
 * is left out ({@link #write}); or everything on the topics ({@link #writeAll}, {@code paperfeed export}).
 */
public final class ExportWriter {

    private ExportWriter() {
    }

    public static void write(PipelineOutput output, Set<String> itemKeys, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeLines(dir.resolve("papers.jsonl"), output.papersOf(itemKeys));
        writeLines(dir.resolve("alerts.jsonl"), output.alertsOf(itemKeys));
        writeLines(dir.resolve("invalid.jsonl"), output.invalidOf(itemKeys));
    }

    /**
     * Writes everything the output topics hold: papers.jsonl (the latest record of every paper, retired ids
     * removed), alerts.jsonl, invalid.jsonl (invalid items and dead letters) and decisions.jsonl.
     */
    public static void writeAll(PipelineOutput output, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeLines(dir.resolve("papers.jsonl"), output.papers());
        writeLines(dir.resolve("alerts.jsonl"), output.alerts());
        writeLines(dir.resolve("invalid.jsonl"), output.invalid());
        writeLines(dir.resolve("decisions.jsonl"), output.decisions());
    }

    private static void writeLines(Path file, Collection<?> values) throws IOException {
        ObjectWriter writer = Json.MAPPER.writer();
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (Object value : values) {
                out.write(writer.writeValueAsString(value));
                out.newLine();
            }
        }
    }
}
