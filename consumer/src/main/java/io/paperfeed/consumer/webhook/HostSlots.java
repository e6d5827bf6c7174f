package io.paperfeed.consumer.webhook;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * A cap on the webhook attempts running at once against one host ({@code host:port}), so a receiver that
 * accepts and never answers ties up at most {@code perHost} of the pool's threads, however many alerts it
 * has, and every other receiver keeps being served. Beyond the cap, up to {@code queuedPerHost} attempts
 * wait for the host's next free slot (they hold no thread); past that the host is full and the caller
 * decides (the alert loop defers the attempt to the retry topic).
 */
final class HostSlots {

    private final int perHost;
    private final int queuedPerHost;
    private final Executor pool;
    private final Map<String, Host> hosts = new HashMap<>();

    private static final class Host {
        int running;
        final ArrayDeque<Queued> waiting = new ArrayDeque<>();
    }

    private record Queued(Runnable run, CompletableFuture<?> result) {
    }

    HostSlots(int perHost, int queuedPerHost, Executor pool) {
        if (perHost < 1 || queuedPerHost < 0) {
            throw new IllegalArgumentException("perHost must be >= 1 and queuedPerHost >= 0");
        }
        this.perHost = perHost;
        this.queuedPerHost = queuedPerHost;
        this.pool = pool;
    }

    /** {@code host:port} of a URL (lowercase), the unit the cap counts. */
    static String hostOf(String url) {
        try {
            URI uri = URI.create(url);
            String host = uri.getHost() == null ? url : uri.getHost().toLowerCase(Locale.ROOT);
            return host + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /**
     * Runs the task on the pool when the URL's host has a free slot, else queues it.
     *
     * @param mayWaitBeyondQueue whether the task may wait even when the host's queue is full (the retry worker,
     *                           which bounds its own attempts and starts only those of available hosts)
     * @return the task's result, or null when the host is full and the task was not taken
     */
    <T> CompletableFuture<T> submit(String url, Supplier<T> task, boolean mayWaitBeyondQueue) {
        String key = hostOf(url);
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable run = () -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                release(key);
            }
        };
        synchronized (this) {
            Host host = hosts.computeIfAbsent(key, k -> new Host());
            if (host.running < perHost) {
                host.running++;
            } else if (mayWaitBeyondQueue || host.waiting.size() < queuedPerHost) {
                host.waiting.add(new Queued(run, result));
                return result;
            } else {
                return null;
            }
        }
        execute(key, run, result);
        return result;
    }

    /** Whether an attempt against the URL's host would run at once. */
    synchronized boolean available(String url) {
        Host host = hosts.get(hostOf(url));
        return host == null || host.running < perHost && host.waiting.isEmpty();
    }

    /** Attempts running against the URL's host. */
    synchronized int running(String url) {
        Host host = hosts.get(hostOf(url));
        return host == null ? 0 : host.running;
    }

    private void release(String key) {
        Queued next;
        synchronized (this) {
            Host host = hosts.get(key);
            next = host.waiting.poll();
            if (next == null) {
                host.running--;
                if (host.running == 0) {
                    hosts.remove(key);
                }
            }
        }
        if (next != null) {
            execute(key, next.run(), next.result());
        }
    }

    private void execute(String key, Runnable run, CompletableFuture<?> result) {
        try {
            pool.execute(run);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
            release(key);
        }
    }
}
