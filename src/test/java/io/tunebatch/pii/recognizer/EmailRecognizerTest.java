package io.tunebatch.pii.recognizer;

import static io.tunebatch.pii.Detect.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.EntityTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailRecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe@example.com", "o'neil+billing@mail.example.co.uk", "ÜLLE_K@firma.ee",
            "a.b-c@sub-domain.example.org", "sean.o'brien@example.ie"})
    void findsAddresses(String email) {
        assertThat(values("Write to " + email + ", thanks.", EntityTypes.EMAIL_ADDRESS)).containsExactly(email);
        assertThat(values("Write to '" + email + "', thanks.", EntityTypes.EMAIL_ADDRESS)).containsExactly(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ping @support on chat", "user@localhost", "see example.com/a@b", "a@b.c",
            "price 10@3.50", "git@github"})
    void ignoresThingsThatAreNotAddresses(String text) {
        assertThat(values(text, EntityTypes.EMAIL_ADDRESS)).isEmpty();
    }
}
