package io.paperfeed.producer.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperfeed.model.serde.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The checkpoint's JSON file: {@code {"version": 1, "scope": ..., "written": ..., "sources": {NAME:
 * {"etag": ..., "lastModified": ..., "items": [DIGEST, ...], "cursor": {...}}}}}, items oldest first,
 * {@code cursor} only for paged sources (a file without it is read as having none). Written to a
 * temporary file in the same folder, forced to disk, then renamed over the old one, so a crash
 * leaves either the old file or the new one, never half of one.
 */
final class CheckpointFile {

    /** The version of the file format written and read. */
    static final int FORMAT_VERSION = 1;

    /** The file as stored. */
    record Stored(int version, String scope, Instant written, Map<String, StoredSource> sources) {
    }

    /** One source as stored; {@code items} oldest first; {@code cursor} null when the source keeps none. */
    record StoredSource(String etag, String lastModified, List<String> items, Map<String, String> cursor) {
    }

    private CheckpointFile() {
    }

    /** Reads the file; an unreadable or foreign one is an IOException saying how to start over. */
    static Stored read(Path file) throws IOException {
        Stored stored;
        try {
            stored = Json.MAPPER.readValue(file.toFile(), Stored.class);
        } catch (JsonProcessingException e) {
            throw new IOException("the checkpoint " + file + " is not readable (" + e.getOriginalMessage()
                    + "); move it away to publish every item again", e);
        }
        if (stored == null || stored.version() != FORMAT_VERSION) {
            throw new IOException("the checkpoint " + file + " is not of format version " + FORMAT_VERSION
                    + "; move it away to publish every item again");
        }
        return stored;
    }

    /** Writes the file atomically, creating its folder when needed. */
    static void write(Path file, Stored stored) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(stored));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
