package io.paperfeed.app.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources of a running command, closed in reverse order of opening, once: by the command when
 * it is done, or by the shutdown hook on Ctrl-C (SIGINT) or SIGTERM.
 */
public final class Lifecycle implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook = new Thread(this::close, "paperfeed-shutdown");
    private boolean closed;
    private volatile String failure;

    public Lifecycle() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers a resource to close on shutdown; returns it. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        if (closed) {
            throw new IllegalStateException("shutting down");
        }
        resources.push(resource);
        return resource;
    }

    /** Blocks until shutdown begins (Ctrl-C, SIGTERM, or {@link #fail}). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /**
     * Something the command cannot run without has stopped for good: {@link #awaitShutdown} returns and
     * {@link #failure} says why, so the command can exit non-zero and its supervisor restart it.
     */
    public void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
        stopped.countDown();
    }

    /** Why the command failed ({@link #fail}), or null. */
    public String failure() {
        return failure;
    }

    /**
     * After {@link #awaitShutdown}: 0, or 1 with the failure on stderr when the command {@link #fail}ed.
     */
    public int exitCode(String command) {
        if (failure == null) {
            return 0;
        }
        System.err.println("paperfeed " + command + ": " + failure + "; exiting so that a supervisor restarts it");
        return 1;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stopped.countDown();
        AutoCloseable resource;
        while ((resource = poll()) != null) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("error while closing {}: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }

    private synchronized AutoCloseable poll() {
        return resources.poll();
    }
}
