package io.paperfeed.consumer.sse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client, written without a thread of its own: events wait in memory and an
 * {@link IteratingCallback} writes them with Jetty's asynchronous {@link Content.Sink#write}, one
 * batch at a time, the next when the previous one has left. A client that does not read costs its
 * buffers, not a thread. History (the window's part, and what the {@link CatchUpReaders} read) goes
 * out first, then live events. When the live queue is full the client is too slow: it is dropped
 * (its connection aborted) and counted, and the hub and the other clients carry on.
 */
final class SseClient {

    private static final Logger log = LoggerFactory.getLogger(SseClient.class);
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPENED = ": connected\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_BATCH_BYTES = 64 * 1024;

    /** Told once when the client has ended, however it ended. */
    interface Ended {
        void ended(SseClient client);
    }

    private final StreamKind kind;
    private final String keyFilter;
    private final int buffer;
    private final SseMetrics metrics;
    private final Content.Sink sink;
    private final Callback done;
    private final long heartbeatNanos;
    private final Writer writer = new Writer();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Ended onEnd;
    // guarded by this
    private final Deque<SseEvent> history = new ArrayDeque<>();
    private final Deque<SseEvent> live = new ArrayDeque<>();
    private List<SseEvent> afterCatchUp = List.of();
    /** True until {@link #start}: live events wait until the history is known. */
    private boolean catchingUp = true;
    private boolean greeted;
    private boolean heartbeatDue;
    private long lastWrite = System.nanoTime();
    private StreamPosition position;

    SseClient(StreamKind kind, String keyFilter, SseSettings settings, SseMetrics metrics, Content.Sink sink,
              Callback done, StreamPosition from, Ended onEnd) {
        this.onEnd = onEnd;
        this.kind = kind;
        this.keyFilter = keyFilter;
        this.buffer = settings.clientBuffer();
        this.metrics = metrics;
        this.sink = sink;
        this.done = done;
        this.heartbeatNanos = settings.heartbeat().toNanos();
        this.position = from;
        metrics.connected(kind);
    }

    boolean accepts(SseEvent event) {
        return keyFilter == null || keyFilter.equals(event.key());
    }

    StreamKind kind() {
        return kind;
    }

    /** Starts writing: {@code window} now, or after the catch-up when {@code catchingUp}. */
    void start(StreamHub.Joined joined) {
        synchronized (this) {
            catchingUp = joined.catchUpUntil() != null;
            if (catchingUp) {
                afterCatchUp = joined.window();
            } else {
                history.addAll(joined.window());
            }
        }
        writer.iterate();
    }

    /** Called by the hub with every record the client accepts: never blocks; a full queue drops the client. */
    void offerLive(SseEvent event) {
        boolean full;
        synchronized (this) {
            if (ended.get()) {
                return;
            }
            full = live.size() >= buffer;
            if (!full) {
                live.addLast(event);
            }
        }
        if (full) {
            drop("too slow: " + buffer + " live events behind");
        } else {
            writer.iterate();
        }
    }

    /** Called by a catch-up reader with the next part of the history. */
    void addHistory(Collection<SseEvent> events) {
        synchronized (this) {
            history.addAll(events);
        }
        writer.iterate();
    }

    /** The catch-up reached the window: its events follow, then the live ones. */
    void catchUpDone() {
        synchronized (this) {
            history.addAll(afterCatchUp);
            afterCatchUp = List.of();
            catchingUp = false;
        }
        writer.iterate();
    }

    /** History read but not yet written (the catch-up readers wait while it is large). */
    synchronized int pendingHistory() {
        return history.size();
    }

    /** Called by the shared ticker: a heartbeat when nothing went out for a heartbeat interval. */
    void tick(long now) {
        synchronized (this) {
            if (ended.get() || now - lastWrite < heartbeatNanos) {
                return;
            }
            heartbeatDue = true;
        }
        writer.iterate();
    }

    boolean ended() {
        return ended.get();
    }

    /** Drops a client that falls behind (counted); its connection is aborted. */
    void drop(String why) {
        if (end(new SlowClientException(why))) {
            metrics.dropped(kind);
            log.info("dropped a {} stream client: {}", kind.tag(), why);
        }
    }

    /** Ends the stream (the server or the hub is stopping). */
    void end() {
        end(null);
    }

    /** Ends the client once: the response is completed (null) or aborted; false when it had ended already. */
    boolean end(Throwable failure) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        synchronized (this) {
            history.clear();
            live.clear();
            afterCatchUp = List.of();
        }
        metrics.disconnected(kind);
        onEnd.ended(this);
        if (failure == null) {
            done.succeeded();
        } else {
            done.failed(failure);
        }
        return true;
    }

    /** The next bytes to write, or null when there is nothing to write now. */
    private synchronized ByteBuffer nextBatch() {
        if (ended.get()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!greeted) {
            out.writeBytes(OPENED);
            greeted = true;
        }
        while (out.size() < MAX_BATCH_BYTES) {
            SseEvent event = !history.isEmpty() ? history.pollFirst() : catchingUp ? null : live.pollFirst();
            if (event == null) {
                break;
            }
            if (!accepts(event) || event.offset() < position.next(event.partition())) {
                continue;
            }
            position = position.after(event.partition(), event.offset());
            out.writeBytes(("id: " + position.encode() + "\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(event.frame());
            metrics.written(kind);
        }
        if (out.size() == 0 && heartbeatDue) {
            out.writeBytes(HEARTBEAT);
        }
        heartbeatDue = false;
        if (out.size() == 0) {
            return null;
        }
        lastWrite = System.nanoTime();
        return ByteBuffer.wrap(out.toByteArray());
    }

    /** Writes batch after batch, never more than one at a time, never on a thread of its own. */
    private final class Writer extends IteratingCallback {
        @Override
        protected Action process() {
            ByteBuffer batch = nextBatch();
            if (batch == null) {
                return ended.get() ? Action.SUCCEEDED : Action.IDLE;
            }
            sink.write(false, batch, this);
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            log.debug("{} stream client gone: {}", kind.tag(), cause.toString());
            end(cause);
        }
    }

    /** Why a slow client's connection was aborted. */
    static final class SlowClientException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SlowClientException(String message) {
            super(message, null, false, false);
        }
    }
}
