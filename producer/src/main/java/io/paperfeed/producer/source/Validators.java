package io.paperfeed.producer.source;

import java.net.http.HttpHeaders;

/**
 * The HTTP cache validators of a fetched document, sent back on the next request as
 * {@code If-None-Match} and {@code If-Modified-Since} so an unchanged feed costs a 304 and no body.
 *
 * @param etag         the {@code ETag} response header as given (quotes and {@code W/} kept), or null
 * @param lastModified the {@code Last-Modified} response header as given, or null
 */
public record Validators(String etag, String lastModified) {

    /** No validators: an unconditional request. */
    public static final Validators NONE = new Validators(null, null);

    /** The validators of a response, each falling back to this one's when the response has none. */
    public Validators updatedBy(HttpHeaders headers) {
        return new Validators(headers.firstValue("ETag").orElse(etag),
                headers.firstValue("Last-Modified").orElse(lastModified));
    }

    /** True when there is nothing to send. */
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
