package io.paperfeed.consumer.webhook;

import java.net.UnknownHostException;

/**
 * A webhook host resolved to an address the {@link AddressGuard} refuses. It is an
 * {@link UnknownHostException} so that the HTTP client passes it up from its DNS resolver unchanged.
 */
public final class RefusedAddressException extends UnknownHostException {

    public RefusedAddressException(String message) {
        super(message);
    }
}
