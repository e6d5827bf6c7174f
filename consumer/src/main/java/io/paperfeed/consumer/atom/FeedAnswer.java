package io.paperfeed.consumer.atom;

import java.time.Instant;

/**
 * The answer to a feed request: 200 with the document, or 304 (Not Modified) without it; always with
 * the document's {@code ETag} and {@code Last-Modified}.
 */
public record FeedAnswer(int status, byte[] body, String etag, Instant lastModified) {

    public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";

    public boolean notModified() {
        return status == 304;
    }
}
