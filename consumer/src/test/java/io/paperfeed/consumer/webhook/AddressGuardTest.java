package io.paperfeed.consumer.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Literal addresses only: {@link InetAddress#getByName} parses them without any lookup. */
class AddressGuardTest {

    private final AddressGuard strict = new AddressGuard(false);
    private final AddressGuard loopbackAllowed = new AddressGuard(true);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "10.0.0.1", "10.255.255.255", "172.16.0.1",
            "172.31.255.254", "192.168.1.1", "169.254.169.254", "169.254.0.1", "fe80::1", "fc00::1", "fd12:3456::1",
            "0.0.0.0", "::", "0.1.2.3", "224.0.0.1", "239.255.255.250", "ff02::1", "100.64.0.1", "100.127.255.254",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.0.1", "::10.0.0.1",
            "64:ff9b::a9fe:a9fe", "64:ff9b::a00:1", "64:ff9b:1::1", "2002:a9fe:a9fe::", "2002:a00:1::", "2001::1",
            "192.0.0.170", "198.18.0.1", "198.19.1.1", "240.0.0.1", "255.255.255.255"})
    void refusesInternalAddressesByDefault(String literal) throws UnknownHostException {
        assertTrue(strict.refusal(InetAddress.getByName(literal)).isPresent(), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.0.1", "172.32.0.1",
            "192.169.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertEquals(Optional.empty(), strict.refusal(InetAddress.getByName(literal)), literal);
        assertEquals(Optional.empty(), loopbackAllowed.refusal(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::"})
    void theFlagAllowsLoopback(String literal) throws UnknownHostException {
        assertTrue(strict.refusal(InetAddress.getByName(literal)).orElseThrow().contains("loopback"));
        assertEquals(Optional.empty(), loopbackAllowed.refusal(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "169.254.169.254", "192.168.0.1", "fc00::1", "100.64.0.1", "0.0.0.0",
            "64:ff9b::a9fe:a9fe", "2002:a00:1::", "2001::1", "198.18.0.1", "240.0.0.1"})
    void theFlagAllowsNothingElse(String literal) throws UnknownHostException {
        assertTrue(loopbackAllowed.refusal(InetAddress.getByName(literal)).isPresent(), literal);
    }
}
