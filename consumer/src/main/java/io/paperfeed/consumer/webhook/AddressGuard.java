package io.paperfeed.consumer.webhook;

import io.paperfeed.net.InternalAddresses;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The SSRF guard: says whether a webhook may connect to an address. Refused: every range
 * {@link InternalAddresses} names (loopback, private, link-local with the cloud metadata address,
 * carrier-grade NAT, benchmarking, documentation, reserved, multicast, unspecified, and the IPv6
 * forms that carry them: mapped, compatible, NAT64, 6to4; Teredo whole). {@code allowLoopback} lets
 * loopback through (tests, local receivers) and nothing else.
 */
public final class AddressGuard {

    private final boolean allowLoopback;

    public AddressGuard(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Why the address is refused, or empty when a webhook may connect to it. */
    public Optional<String> refusal(InetAddress address) {
        if (InternalAddresses.isLoopback(address)) {
            return allowLoopback ? Optional.empty() : Optional.of("loopback (allow with --allow-loopback-webhooks)");
        }
        return InternalAddresses.why(address);
    }

    /** Throws when the address is refused, naming the host and the address. */
    void check(String host, InetAddress address) throws RefusedAddressException {
        Optional<String> why = refusal(address);
        if (why.isPresent()) {
            throw new RefusedAddressException(host + " resolves to " + address.getHostAddress() + ", a "
                    + why.get() + " address");
        }
    }
}
