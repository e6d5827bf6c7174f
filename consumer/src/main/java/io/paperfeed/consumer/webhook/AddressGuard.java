package io.paperfeed.consumer.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The SSRF guard: says whether a webhook may connect to an address. Refused by default: loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud metadata
 * address, fe80::/10), unspecified, multicast, carrier-grade NAT (100.64/10), and the IPv4-mapped and
 * IPv4-compatible IPv6 forms of all of these. {@code allowLoopback} lets loopback through (tests, local
 * receivers) and nothing else.
 */
public final class AddressGuard {

    private final boolean allowLoopback;

    public AddressGuard(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Why the address is refused, or empty when a webhook may connect to it. */
    public Optional<String> refusal(InetAddress address) {
        InetAddress a = embeddedIpv4(address);
        if (a.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("loopback (allow with --allow-loopback-webhooks)");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local (incl. cloud metadata)");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return Optional.of("carrier-grade NAT (100.64/10)");
        }
        if (a instanceof Inet4Address && (b[0] & 0xff) == 0) {
            return Optional.of("\"this network\" (0/8)");
        }
        if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return Optional.of("private (unique local fc00::/7)");
        }
        return Optional.empty();
    }

    /** Throws when the address is refused, naming the host and the address. */
    void check(String host, InetAddress address) throws RefusedAddressException {
        Optional<String> why = refusal(address);
        if (why.isPresent()) {
            throw new RefusedAddressException(host + " resolves to " + address.getHostAddress() + ", a "
                    + why.get() + " address");
        }
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) address. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return address;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && !address.isLoopbackAddress() && !address.isAnyLocalAddress();
        if (!mapped && !compatible) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
