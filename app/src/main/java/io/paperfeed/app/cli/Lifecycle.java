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

    /** Blocks until shutdown begins (Ctrl-C). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
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
