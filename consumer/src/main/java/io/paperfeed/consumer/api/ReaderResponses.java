package io.paperfeed.consumer.api;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;

/** Answers with bytes of a type (Atom, HTML), HEAD without the body. */
final class ReaderResponses {

    private ReaderResponses() {
    }

    static void bytes(Exchange exchange, int status, String contentType, byte[] body) {
        exchange.streaming(); // answered here
        var response = exchange.response();
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        boolean noBody = body == null || body.length == 0 || exchange.method().equals("HEAD") || status == 304;
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, noBody ? 0 : body.length);
        if (status == 304) {
            response.getHeaders().remove(HttpHeader.CONTENT_LENGTH);
        }
        response.write(true, noBody ? null : ByteBuffer.wrap(body), exchange.callback());
    }
}
