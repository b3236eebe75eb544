package io.tunebatch.pii.recognizer;

import static io.tunebatch.pii.Detect.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.EntityTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsSsnRecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"His SSN is 536-22-4187.", "ssn: 536-22-4187", "536-22-4187 is on file",
            "social security number 536 22 4187", "SSN 536224187"})
    void findsValidSsns(String text) {
        assertThat(values(text, EntityTypes.US_SSN)).singleElement().asString().contains("536");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSN 000-22-4187", "SSN 666-22-4187", "SSN 912-22-4187", "SSN 999-22-4187",
            "SSN 536-00-4187", "SSN 536-22-0000", "SSN 111-11-1111", "SSN 123-45-6789", "SSN 078-05-1120"})
    void rejectsNumbersOutsideTheSsaRules(String text) {
        assertThat(values(text, EntityTypes.US_SSN)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Order 536224187 shipped", "build 536.22.4187", "call 536-22-41870",
            "version 1.536-22-4187", "536224187", "on 2024-03-15 at 10:30"})
    void ignoresOtherNumbers(String text) {
        assertThat(values(text, EntityTypes.US_SSN)).isEmpty();
    }
}
