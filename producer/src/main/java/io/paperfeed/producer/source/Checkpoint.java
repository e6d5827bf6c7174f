package io.paperfeed.producer.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a producer already published, per source: the HTTP validators of its last fetch, the
 * cursor a paged source goes on from ({@link PagedSource}: its next date window), and the
 * digests ({@link ItemDigest}) of its items, the most recently seen last, at most
 * {@code maxItemsPerSource} of them (the oldest are forgotten first). Kept in memory, and in a
 * small JSON file when loaded from one ({@link CheckpointFile}), written atomically by
 * {@link #save()}. The file belongs to one Kafka cluster (the {@code scope}): loaded for another
 * scope it starts empty, so a new cluster gets every item. One producer per file; not thread-safe.
 */
public final class Checkpoint {

    /** Digests kept per source by default: far more than any feed holds at once. */
    public static final int DEFAULT_MAX_ITEMS_PER_SOURCE = 100_000;

    private static final Logger log = LoggerFactory.getLogger(Checkpoint.class);

    private final Path file;
    private final String scope;
    private final int maxItemsPerSource;
    private final Map<String, State> sources = new LinkedHashMap<>();
    private boolean dirty;

    private static final class State {
        Validators validators = Validators.NONE;
        final LinkedHashSet<String> items = new LinkedHashSet<>();
        Map<String, String> cursor = Map.of();
    }

    private Checkpoint(Path file, String scope, int maxItemsPerSource) {
        if (maxItemsPerSource < 1) {
            throw new IllegalArgumentException("maxItemsPerSource must be >= 1, was " + maxItemsPerSource);
        }
        this.file = file;
        this.scope = Objects.requireNonNull(scope, "scope");
        this.maxItemsPerSource = maxItemsPerSource;
    }

    /** A checkpoint that lives as long as the process: nothing is published twice while it runs. */
    public static Checkpoint inMemory() {
        return new Checkpoint(null, "memory", DEFAULT_MAX_ITEMS_PER_SOURCE);
    }

    /** As {@link #load(Path, String, int)} with {@link #DEFAULT_MAX_ITEMS_PER_SOURCE}. */
    public static Checkpoint load(Path file, String scope) throws IOException {
        return load(file, scope, DEFAULT_MAX_ITEMS_PER_SOURCE);
    }

    /**
     * The checkpoint in the file; empty when there is none yet, or it was written for another scope.
     *
     * @param scope what the items were published to, e.g. {@code kafka-cluster:<cluster id>}
     * @throws IOException when the file cannot be read or is not a checkpoint (the message says how to start over)
     */
    public static Checkpoint load(Path file, String scope, int maxItemsPerSource) throws IOException {
        Checkpoint checkpoint = new Checkpoint(Objects.requireNonNull(file, "file"), scope, maxItemsPerSource);
        if (!Files.exists(file)) {
            return checkpoint;
        }
        CheckpointFile.Stored stored = CheckpointFile.read(file);
        if (!scope.equals(stored.scope())) {
            log.warn("the checkpoint {} was written for {}, not {}: starting afresh", file, stored.scope(), scope);
            return checkpoint;
        }
        if (stored.sources() != null) {
            stored.sources().forEach((name, s) -> {
                State state = checkpoint.state(name);
                state.validators = new Validators(s.etag(), s.lastModified());
                if (s.items() != null) {
                    state.items.addAll(s.items());
                }
                if (s.cursor() != null) {
                    state.cursor = Map.copyOf(s.cursor());
                }
            });
        }
        return checkpoint;
    }

    /** The file this checkpoint is saved to; empty for an in-memory one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The validators the source's last committed fetch left. */
    public Validators validators(String source) {
        State state = sources.get(source);
        return state == null ? Validators.NONE : state.validators;
    }

    /** The cursor the source's last committed fetch left ({@link Fetch#cursor()}); empty when none. */
    public Map<String, String> cursor(String source) {
        State state = sources.get(source);
        return state == null ? Map.of() : state.cursor;
    }

    /** How many item digests are remembered for the source. */
    public int items(String source) {
        State state = sources.get(source);
        return state == null ? 0 : state.items.size();
    }

    /** Starts going through one fetch of the source. */
    public SourceProgress begin(String source) {
        return new SourceProgress(source, state(source).items);
    }

    /** Takes in what a fetch held, once it is safely published. */
    public void commit(SourceProgress progress) {
        State state = state(progress.source());
        if (progress.validators() != null && !progress.validators().equals(state.validators)) {
            state.validators = progress.validators();
            dirty = true;
        }
        if (progress.cursor() != null && !progress.cursor().equals(state.cursor)) {
            state.cursor = Map.copyOf(progress.cursor());
            dirty = true;
        }
        for (String digest : progress.seen()) {
            dirty |= !state.items.remove(digest);
            state.items.add(digest);
        }
        Iterator<String> oldest = state.items.iterator();
        while (state.items.size() > maxItemsPerSource) {
            oldest.next();
            oldest.remove();
        }
    }

    /**
     * Writes the file atomically when anything new was committed since the last save.
     *
     * @return true when it was written
     */
    public boolean save() throws IOException {
        if (file == null || !dirty) {
            return false;
        }
        CheckpointFile.write(file, stored());
        dirty = false;
        return true;
    }

    private CheckpointFile.Stored stored() {
        Map<String, CheckpointFile.StoredSource> out = new LinkedHashMap<>();
        sources.forEach((name, s) -> out.put(name, new CheckpointFile.StoredSource(s.validators.etag(),
                s.validators.lastModified(), List.copyOf(s.items), s.cursor.isEmpty() ? null : s.cursor)));
        return new CheckpointFile.Stored(CheckpointFile.FORMAT_VERSION, scope, Instant.now(), out);
    }

    private State state(String source) {
        return sources.computeIfAbsent(source, k -> new State());
    }
}
