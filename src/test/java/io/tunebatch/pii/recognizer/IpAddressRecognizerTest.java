package io.tunebatch.pii.recognizer;

import static io.tunebatch.pii.Detect.found;
import static io.tunebatch.pii.Detect.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.EntityTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressRecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.20", "10.0.0.1", "255.255.255.255", "2001:db8:85a3::8a2e:370:7334",
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "fe80::1", "::1", "::ffff:192.0.2.128"})
    void findsAddresses(String ip) {
        assertThat(values("login from " + ip + ".", EntityTypes.IP_ADDRESS)).containsExactly(ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"version 1.2.3.4 released", "upgrade to v10.4.2.1", "256.1.1.1", "1.2.3.4.5",
            "01.02.03.04", "meeting at 12:30:45", "MAC 00:1A:2B:3C:4D:5E", "2001:db8::85a3::7334", "ratio 3.14"})
    void ignoresVersionsTimesAndMalformedAddresses(String text) {
        assertThat(values(text, EntityTypes.IP_ADDRESS)).isEmpty();
    }

    @Test
    void aPhoneLookingRunInsideAnIpLoses() {
        assertThat(found("server 203.113.125.144 is down")).containsExactly("IP_ADDRESS:203.113.125.144");
    }
}
