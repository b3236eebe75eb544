package io.tunebatch.pii.recognizer;

import static io.tunebatch.pii.Detect.found;
import static io.tunebatch.pii.Detect.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.EntityTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanRecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "GB29NWBK60161331926819",
            "GB29 NWBK 6016 1331 9268 19", "FR1420041010050500013M02606", "NL91ABNA0417164300", "gb29nwbk60161331926819",
            "DE89-3704-0044-0532-0130-00"})
    void findsIbansWithAValidChecksum(String iban) {
        assertThat(values("Transfer to " + iban + " please", EntityTypes.IBAN_CODE)).containsExactly(iban);
    }

    @Test
    void stopsAtTheCountryLengthSoAFollowingWordIsNotSwallowed() {
        assertThat(values("IBAN DE89 3704 0044 0532 0130 00 AND THEN", EntityTypes.IBAN_CODE))
                .containsExactly("DE89 3704 0044 0532 0130 00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013001", "GB29NWBK60161331926818", "XX89370400440532013000",
            "DE8937040044053201300", "DE893704004405320130001"})
    void rejectsBadChecksumsUnknownCountriesAndWrongLengths(String iban) {
        assertThat(values("IBAN " + iban, EntityTypes.IBAN_CODE)).isEmpty();
    }

    @Test
    void aPhoneLookingRunInsideAnIbanLoses() {
        assertThat(found("IBAN: DE89 3704 0044 0532 0130 00")).containsExactly("IBAN_CODE:DE89 3704 0044 0532 0130 00");
    }
}
