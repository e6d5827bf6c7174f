package io.paperfeed.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Literal addresses only: {@link InetAddress#getByName} parses them without a lookup. */
class InternalAddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.0.0.1|IETF protocol assignments", "192.0.0.255|IETF protocol assignments",
        "198.18.0.1|benchmarking", "198.19.255.254|benchmarking",
        "240.0.0.1|reserved", "255.255.255.255|reserved", "250.1.2.3|reserved",
        "192.0.2.10|documentation", "203.0.113.5|documentation", "192.88.99.1|6to4 relay",
        "64:ff9b::a00:1|NAT64 of 10.0.0.1, private", "64:ff9b::7f00:1|loopback",
        "64:ff9b::a9fe:a9fe|NAT64 of 169.254.169.254, link-local", "64:ff9b:1::1|local-use NAT64",
        "2002:a00:1::|6to4 of 10.0.0.1, private", "2002:7f00:1::1|loopback", "2002:c0a8:101::1|6to4 of 192.168.1.1",
        "2002:a9fe:a9fe::|6to4 of 169.254.169.254", "2001::1|Teredo", "2001:0:4136:e378:8000:63bf:3fff:fdd2|Teredo",
        "2001:db8::1|documentation", "2001:2::1|benchmarking", "100::1|discard-only", "fec0::1|site-local",
        "::ffff:198.18.0.1|benchmarking", "::c612:1|IPv4-compatible of 198.18.0.1"})
    void refusesTheRangesTheGuardUsedToMiss(String literal, String why) throws UnknownHostException {
        Optional<String> refusal = InternalAddresses.why(InetAddress.getByName(literal));
        assertTrue(refusal.isPresent(), literal);
        assertTrue(refusal.get().contains(why), literal + ": " + refusal.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "10.0.0.1", "172.16.0.1", "172.31.255.254",
        "192.168.1.1", "169.254.169.254", "fe80::1", "fc00::1", "fd12:3456::1", "0.0.0.0", "::", "0.1.2.3",
        "224.0.0.1", "ff02::1", "100.64.0.1", "100.127.255.254", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::10.0.0.1"})
    void refusesTheClassicInternalRanges(String literal) throws UnknownHostException {
        assertTrue(InternalAddresses.why(InetAddress.getByName(literal)).isPresent(), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.0.1", "172.32.0.1",
        "192.169.0.1", "192.0.1.1", "198.17.255.255", "198.20.0.1", "223.255.255.255",
        "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "2001:4860:4860::8888",
        "2001:1:0:0:0:0:0:1"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertEquals(Optional.empty(), InternalAddresses.why(InetAddress.getByName(literal)), literal);
    }

    @Test
    void loopbackInEveryForm() throws UnknownHostException {
        for (String literal : new String[] {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "64:ff9b::7f00:1",
            "2002:7f00:1::"}) {
            assertTrue(InternalAddresses.isLoopback(InetAddress.getByName(literal)), literal);
        }
        assertFalse(InternalAddresses.isLoopback(InetAddress.getByName("10.0.0.1")));
    }
}
