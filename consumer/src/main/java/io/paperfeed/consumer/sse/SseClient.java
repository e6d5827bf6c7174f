package io.paperfeed.consumer.sse;

import io.paperfeed.kafka.KafkaClients;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client: a bounded queue the hub fills without blocking, written to the socket by the
 * client's own thread (the HTTP exchange's). When the queue is full the client is too slow: it is
 * dropped (its thread is interrupted, which closes the socket even mid-write) and counted, and the
 * hub and the other clients carry on.
 */
final class SseClient {

    private static final Logger log = LoggerFactory.getLogger(SseClient.class);
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPENED = ": connected\n\n".getBytes(StandardCharsets.US_ASCII);

    private final StreamKind kind;
    private final String keyFilter;
    private final BlockingQueue<SseEvent> queue;
    private final SseMetrics metrics;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private volatile boolean stopped;
    /** The thread writing this client while it serves; guarded by this. */
    private Thread writer;
    /** Where the client stands; only the writer thread touches it. */
    private StreamPosition position;

    SseClient(StreamKind kind, String keyFilter, int buffer, SseMetrics metrics) {
        this.kind = kind;
        this.keyFilter = keyFilter;
        this.queue = new ArrayBlockingQueue<>(buffer);
        this.metrics = metrics;
    }

    boolean accepts(String key) {
        return keyFilter == null || keyFilter.equals(key);
    }

    /** Called by the hub: never blocks; a full queue drops the client. */
    void offer(SseEvent event) {
        if (!stopped && !queue.offer(event)) {
            if (dropped.compareAndSet(false, true)) {
                metrics.dropped(kind);
                log.info("dropped a slow {} stream client ({} events behind)", kind.tag(), queue.size());
            }
            stop();
        }
    }

    /** Ends {@link #serve} soon, interrupting a blocked write. */
    synchronized void stop() {
        stopped = true;
        if (writer != null) {
            writer.interrupt();
        }
    }

    boolean wasDropped() {
        return dropped.get();
    }

    /**
     * Writes the stream from {@code from}: the history it missed, then live events and heartbeats,
     * until the client goes away, is dropped, or the stream stops.
     */
    void serve(OutputStream out, StreamHub hub, StreamPosition from, Duration heartbeat, KafkaClients clients) {
        synchronized (this) {
            writer = Thread.currentThread();
        }
        metrics.connected(kind);
        position = from;
        StreamPosition live = hub.join(this);
        try {
            out.write(OPENED);
            out.flush();
            long[] nextReplayBeat = {System.nanoTime() + heartbeat.toNanos()};
            HistoryReplay.replay(clients, hub, from, live, event -> {
                if (write(out, event)) {
                    nextReplayBeat[0] = System.nanoTime() + heartbeat.toNanos();
                }
            }, () -> {
                // a long replay of a narrow stream (one subscription's alerts among all) may write
                // nothing for a while: keep proxies from closing it
                if (System.nanoTime() - nextReplayBeat[0] >= 0) {
                    writeHeartbeat(out);
                    nextReplayBeat[0] = System.nanoTime() + heartbeat.toNanos();
                }
            });
            out.flush();
            long nextBeat = System.nanoTime() + heartbeat.toNanos();
            while (!stopped && hub.alive()) {
                long wait = nextBeat - System.nanoTime();
                SseEvent event = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : null;
                if (event != null) {
                    do {
                        write(out, event);
                    } while ((event = queue.poll()) != null);
                    out.flush();
                } else if (System.nanoTime() - nextBeat >= 0) {
                    out.write(HEARTBEAT);
                    out.flush();
                    nextBeat = System.nanoTime() + heartbeat.toNanos();
                }
            }
        } catch (IOException | UncheckedWriteException | InterruptedException
                 | org.apache.kafka.common.errors.InterruptException e) {
            log.debug("{} stream client gone: {}", kind.tag(), e.toString());
        } finally {
            hub.leave(this);
            metrics.disconnected(kind);
            synchronized (this) {
                writer = null;
            }
            Thread.interrupted();
        }
    }

    private static void writeHeartbeat(OutputStream out) {
        try {
            out.write(HEARTBEAT);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedWriteException(e);
        }
    }

    /** Writes the event unless the client does not take it (another key, or already sent); whether it did. */
    private boolean write(OutputStream out, SseEvent event) {
        if (!accepts(event.key()) || event.offset() < position.next(event.partition())) {
            return false;
        }
        position = position.after(event.partition(), event.offset());
        try {
            out.write(("id: " + position.encode() + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(event.frame());
        } catch (IOException e) {
            throw new UncheckedWriteException(e);
        }
        metrics.written(kind);
        return true;
    }

    /** A failed write inside the history replay's callback. */
    private static final class UncheckedWriteException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedWriteException(IOException cause) {
            super(cause);
        }
    }
}
