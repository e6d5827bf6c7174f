package io.paperfeed.app.pipeline;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.paperfeed.model.serde.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** Writes what the pipeline produced as JSON lines: papers.jsonl, alerts.jsonl, invalid.jsonl. */
public final class ExportWriter {

    private ExportWriter() {
    }

    public static void write(PipelineOutput output, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeLines(dir.resolve("papers.jsonl"), output.papers());
        writeLines(dir.resolve("alerts.jsonl"), output.alerts());
        writeLines(dir.resolve("invalid.jsonl"), output.invalid());
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
