package io.paperfeed.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are not on the public internet: the ranges an outbound request chosen by someone
 * else (a webhook URL, a redirect) must never reach. IPv6 forms that carry an IPv4 address are
 * judged by that address: IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d},
 * NAT64 {@code 64:ff9b::a.b.c.d} (RFC 6052) and 6to4 {@code 2002:AABB:CCDD::} (RFC 3056), so
 * {@code 64:ff9b::10.0.0.1} is private and {@code 64:ff9b::8.8.8.8} is public. Teredo
 * ({@code 2001::/32}) and local-use NAT64 ({@code 64:ff9b:1::/48}) are refused whole: the first
 * tunnels to an address it hides, the second translates to whatever the local network chose.
 */
public final class InternalAddresses {

    private record Range(byte[] prefix, int bits, String why) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final String LOOPBACK = "loopback";

    private static final List<Range> IPV4 = List.of(
            v4("0.0.0.0", 8, "\"this network\" (0/8)"),
            v4("10.0.0.0", 8, "private (10/8)"),
            v4("100.64.0.0", 10, "carrier-grade NAT (100.64/10)"),
            v4("127.0.0.0", 8, LOOPBACK),
            v4("169.254.0.0", 16, "link-local (169.254/16, incl. cloud metadata)"),
            v4("172.16.0.0", 12, "private (172.16/12)"),
            v4("192.0.0.0", 24, "IETF protocol assignments (192.0.0/24)"),
            v4("192.0.2.0", 24, "documentation (192.0.2/24)"),
            v4("192.88.99.0", 24, "6to4 relay anycast (192.88.99/24)"),
            v4("192.168.0.0", 16, "private (192.168/16)"),
            v4("198.18.0.0", 15, "benchmarking (198.18/15)"),
            v4("198.51.100.0", 24, "documentation (198.51.100/24)"),
            v4("203.0.113.0", 24, "documentation (203.0.113/24)"),
            v4("224.0.0.0", 4, "multicast (224/4)"),
            v4("240.0.0.0", 4, "reserved (240/4, incl. broadcast)"));

    private static final List<Range> IPV6 = List.of(
            v6("::1", 128, LOOPBACK),
            v6("::", 128, "unspecified (::)"),
            v6("64:ff9b:1::", 48, "local-use NAT64 (64:ff9b:1::/48)"),
            v6("100::", 64, "discard-only (100::/64)"),
            v6("2001::", 32, "Teredo (2001::/32)"),
            v6("2001:2::", 48, "benchmarking (2001:2::/48)"),
            v6("2001:db8::", 32, "documentation (2001:db8::/32)"),
            v6("fc00::", 7, "private (unique local fc00::/7)"),
            v6("fe80::", 10, "link-local (fe80::/10)"),
            v6("fec0::", 10, "site-local (fec0::/10)"),
            v6("ff00::", 8, "multicast (ff00::/8)"));

    private InternalAddresses() {
    }

    /** Why the address is not public (e.g. {@code private (10/8)}, {@code loopback}), or empty when it is. */
    public static Optional<String> why(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            for (Range range : IPV6) {
                if (range.contains(b)) {
                    return Optional.of(range.why());
                }
            }
            Optional<Embedded> embedded = embeddedIpv4(b);
            if (embedded.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> inner = why(embedded.get().ipv4());
            return inner.map(why -> why.equals(LOOPBACK) ? LOOPBACK
                    : embedded.get().form() + " of " + embedded.get().ipv4().getHostAddress() + ", " + why);
        }
        for (Range range : IPV4) {
            if (range.contains(b)) {
                return Optional.of(range.why());
            }
        }
        return Optional.empty();
    }

    /** Whether the address is a loopback address, in any of its IPv4 or IPv6 forms. */
    public static boolean isLoopback(InetAddress address) {
        return why(address).map(LOOPBACK::equals).orElse(false);
    }

    private record Embedded(String form, InetAddress ipv4) {
    }

    /** The IPv4 address an IPv6 address carries, with the name of the form that carries it. */
    private static Optional<Embedded> embeddedIpv4(byte[] b) {
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Optional.of(new Embedded("IPv4-mapped", ipv4(b, 12)));
        }
        if (zero(b, 0, 12)) {
            return Optional.of(new Embedded("IPv4-compatible", ipv4(b, 12)));
        }
        if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
            return Optional.of(new Embedded("NAT64", ipv4(b, 12)));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(new Embedded("6to4", ipv4(b, 2)));
        }
        return Optional.empty();
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] b, int at) {
        try {
            return InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static Range v4(String literal, int bits, String why) {
        return new Range(parse(literal, Inet4Address.class), bits, why);
    }

    private static Range v6(String literal, int bits, String why) {
        return new Range(parse(literal, Inet6Address.class), bits, why);
    }

    private static byte[] parse(String literal, Class<? extends InetAddress> type) {
        try {
            InetAddress address = InetAddress.getByName(literal); // a literal: no lookup
            if (!type.isInstance(address)) {
                throw new IllegalStateException(literal + " is not an " + type.getSimpleName());
            }
            return address.getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(literal, e);
        }
    }
}
