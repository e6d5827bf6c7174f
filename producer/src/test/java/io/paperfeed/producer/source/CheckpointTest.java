package io.paperfeed.producer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commit, save, load: round trip, atomic write, scope, corrupt files, the per-source bound. */
class CheckpointTest {

    static final String SCOPE = "kafka-cluster:test";

    @TempDir
    Path dir;

    static void publish(Checkpoint checkpoint, String source, Validators validators, String... digests) {
        SourceProgress progress = checkpoint.begin(source);
        for (String d : digests) {
            progress.isNew(d);
        }
        progress.validators(validators);
        checkpoint.commit(progress);
    }

    @Test
    void whatWasCommittedAndSavedIsKnownAfterALoad() throws IOException {
        Path file = dir.resolve("state/checkpoint.json");
        Checkpoint first = Checkpoint.load(file, SCOPE);
        assertFalse(first.save(), "nothing to write yet");
        Validators validators = new Validators("\"abc\"", "Wed, 20 Aug 2025 04:00:00 GMT");
        publish(first, "https://example.org/feed", validators, "a1", "b2");
        assertTrue(first.save());
        assertFalse(first.save(), "unchanged since the last save");

        Checkpoint second = Checkpoint.load(file, SCOPE);
        assertEquals(validators, second.validators("https://example.org/feed"));
        SourceProgress progress = second.begin("https://example.org/feed");
        assertFalse(progress.isNew("a1"));
        assertTrue(progress.isNew("c3"));
        assertEquals(Validators.NONE, second.validators("elsewhere"));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aPagedSourcesCursorIsKeptAcrossALoadAndAFileWithoutOneReadsAsNone() throws IOException {
        Path file = dir.resolve("checkpoint.json");
        Checkpoint first = Checkpoint.load(file, SCOPE);
        SourceProgress progress = first.begin("biorxiv");
        progress.isNew("a1");
        progress.cursor(java.util.Map.of("from", "2025-08-30"));
        first.commit(progress);
        assertTrue(first.save());
        assertEquals(java.util.Map.of("from", "2025-08-30"), Checkpoint.load(file, SCOPE).cursor("biorxiv"));

        SourceProgress keep = first.begin("biorxiv");
        keep.cursor(null);
        first.commit(keep);
        assertFalse(first.save(), "a null cursor keeps the one remembered");
        assertEquals(java.util.Map.of("from", "2025-08-30"), first.cursor("biorxiv"));

        Path old = dir.resolve("old.json");
        Files.writeString(old, "{\"version\":1,\"scope\":\"" + SCOPE + "\",\"written\":\"2025-08-01T00:00:00Z\","
                + "\"sources\":{\"s\":{\"etag\":null,\"lastModified\":null,\"items\":[\"x\"]}}}");
        Checkpoint before = Checkpoint.load(old, SCOPE);
        assertEquals(java.util.Map.of(), before.cursor("s"), "a file written before cursors existed");
        assertFalse(before.begin("s").isNew("x"));
    }

    @Test
    void itemsOfTheFetchInProgressDoNotCountUntilCommitted() {
        Checkpoint checkpoint = Checkpoint.inMemory();
        SourceProgress progress = checkpoint.begin("s");
        assertTrue(progress.isNew("same"));
        assertTrue(progress.isNew("same"), "the same item twice in one fetch is published twice, as read");
        checkpoint.commit(progress);
        assertFalse(checkpoint.begin("s").isNew("same"));
    }

    @Test
    void anotherScopeStartsAfresh() throws IOException {
        Path file = dir.resolve("checkpoint.json");
        Checkpoint checkpoint = Checkpoint.load(file, SCOPE);
        publish(checkpoint, "s", Validators.NONE, "a1");
        checkpoint.save();
        assertEquals(0, Checkpoint.load(file, "kafka-cluster:other").items("s"));
        assertEquals(1, Checkpoint.load(file, SCOPE).items("s"));
    }

    @Test
    void aCorruptFileIsAClearError() throws IOException {
        Path file = dir.resolve("checkpoint.json");
        Files.writeString(file, "{\"version\": 1, \"sources\": [tru");
        IOException e = assertThrows(IOException.class, () -> Checkpoint.load(file, SCOPE));
        assertTrue(e.getMessage().startsWith("the checkpoint " + file + " is not readable"), e.getMessage());
        assertTrue(e.getMessage().contains("move it away"), e.getMessage());
        Files.writeString(file, "{\"version\": 99}");
        assertThrows(IOException.class, () -> Checkpoint.load(file, SCOPE));
    }

    @Test
    void theOldestDigestsAreForgottenPastTheBound() throws IOException {
        Path file = dir.resolve("checkpoint.json");
        Checkpoint checkpoint = Checkpoint.load(file, SCOPE, 3);
        publish(checkpoint, "s", Validators.NONE, "a", "b", "c");
        publish(checkpoint, "s", Validators.NONE, "a", "d"); // a seen again: b is now the oldest
        assertEquals(3, checkpoint.items("s"));
        SourceProgress progress = checkpoint.begin("s");
        assertTrue(progress.isNew("b"));
        assertFalse(progress.isNew("a"));
        assertFalse(progress.isNew("c"));
        assertFalse(progress.isNew("d"));
    }
}
