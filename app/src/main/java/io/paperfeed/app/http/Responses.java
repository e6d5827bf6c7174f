package io.paperfeed.app.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Whole answers of the operations endpoints, written asynchronously. */
public final class Responses {

    private Responses() {
    }

    /** Answers GET and HEAD with the body, anything else with 405 and {@code Allow}. */
    public static void get(Request request, Response response, Callback callback, int status, String contentType,
                           byte[] body) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            send(response, callback, 405, "application/json",
                    "{\"error\":\"use GET or HEAD\",\"status\":405}\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(response, callback, status, contentType, body);
    }

    public static void get(Request request, Response response, Callback callback, int status, String contentType,
                           String body) {
        get(request, response, callback, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
