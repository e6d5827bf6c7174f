package io.paperfeed.consumer.api;

import io.paperfeed.consumer.render.Html;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** Answers with bytes of a type (Atom, HTML), HEAD without the body; the small pages the links of mails open. */
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

    /** Reads and drops what a link's form posts (the link itself says what to do), up to 4 KiB. */
    static void drainForm(Exchange exchange) {
        try (InputStream body = Request.asInputStream(exchange.request())) {
            body.readNBytes(4096);
        } catch (IOException e) {
            throw ApiError.badRequest("bad-body", "the request body could not be read");
        }
    }

    /** A small page for a person who followed a link (unsubscribe, rate): never cached, no referrer. */
    static void page(Exchange exchange, int status, String title, String bodyHtml) {
        byte[] bytes = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + "</title></head><body style=\"font-family:sans-serif;max-width:640px;margin:40px auto\"><h1>"
                + Html.escape(title) + "</h1>" + bodyHtml + "</body></html>\n").getBytes(StandardCharsets.UTF_8);
        exchange.setHeader("Cache-Control", "no-store");
        exchange.setHeader("Referrer-Policy", "no-referrer");
        bytes(exchange, status, "text/html; charset=utf-8", bytes);
    }
}
