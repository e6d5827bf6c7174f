package io.paperfeed.app.http;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to everything Jetty refuses itself (an unparsable request line, headers too large, a
 * body over the limit, an ambiguous path, no handler): {@code {"error": reason phrase, "status": N}}.
 * Never the exception or the request's text, so nothing an attacker sent or the server knows is
 * echoed back.
 */
final class JsonErrorHandler implements Request.Handler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() < 400 ? 500 : response.getStatus();
        String reason = HttpStatus.getMessage(status);
        byte[] body = ("{\"error\":\"" + reason + "\",\"status\":" + status + "}\n").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Responses.send(response, callback, status, "application/json", body);
        return true;
    }
}
