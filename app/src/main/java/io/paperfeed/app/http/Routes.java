package io.paperfeed.app.http;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * Path → handler: a route serves its path and everything under it ({@code /topics} serves
 * {@code /topics/kv-cache/events}) unless it was put as exact, and the longest matching route wins;
 * {@code /} is always exact. A path no route serves is left unhandled (the error handler answers 404).
 */
final class Routes extends Handler.Abstract {

    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final Set<String> exactOnly = ConcurrentHashMap.newKeySet();

    /** A route for {@code path} only, nothing under it. */
    void putExact(String path, Handler handler) {
        put(path, handler);
        exactOnly.add(path);
    }

    void put(String path, Handler handler) {
        exactOnly.remove(path);
        Handler previous = routes.put(path, handler);
        if (previous != null) {
            removeBean(previous);
        }
        if (getServer() != null) {
            handler.setServer(getServer());
        }
        addBean(handler);
    }

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        routes.values().forEach(handler -> handler.setServer(server));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler handler = match(Request.getPathInContext(request));
        return handler != null && handler.handle(request, response, callback);
    }

    Handler match(String path) {
        Handler exact = routes.get(path);
        if (exact != null) {
            return exact;
        }
        for (String prefix = parent(path); prefix != null; prefix = parent(prefix)) {
            Handler handler = routes.get(prefix);
            if (handler != null && !exactOnly.contains(prefix)) {
                return handler;
            }
        }
        return null;
    }

    /** {@code /a/b} → {@code /a}; {@code /a} → null ({@code /} is never a prefix route). */
    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? null : path.substring(0, slash);
    }
}
