package io.tunebatch.pii.recognizer;

import static io.tunebatch.pii.Detect.found;
import static io.tunebatch.pii.Detect.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.EntityTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Passport, driver's licence, medical record number and date of birth: values that need context. */
class ContextualIdRecognizersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Passport number: 912345678|US_PASSPORT|912345678",
            "her passport is C03005988|US_PASSPORT|C03005988",
            "Driver's license D1234567 expires soon|US_DRIVER_LICENSE|D1234567",
            "DL# S123-456-78-901-0|US_DRIVER_LICENSE|S123-456-78-901-0",
            "driving licence: 123456789|US_DRIVER_LICENSE|123456789",
            "MRN: 00482913|MEDICAL_RECORD_NUMBER|00482913",
            "medical record MR-5521983 reviewed|MEDICAL_RECORD_NUMBER|MR-5521983",
            "DOB: 03/14/1985|DATE_OF_BIRTH|03/14/1985",
            "She was born on March 14, 1985 in Ohio|DATE_OF_BIRTH|March 14, 1985",
            "date of birth 14.03.1985|DATE_OF_BIRTH|14.03.1985",
            "birthday: 1985-03-14|DATE_OF_BIRTH|1985-03-14",
            "born 2nd of July 1990|DATE_OF_BIRTH|2nd of July 1990",
            "Geburtsdatum: 14.03.1985|DATE_OF_BIRTH|14.03.1985",
            "Date de naissance : 14/03/1985|DATE_OF_BIRTH|14/03/1985",
            "fecha de nacimiento 14/03/1985|DATE_OF_BIRTH|14/03/1985",
    })
    void contextLiftsTheValueOverTheThreshold(String text, String type, String value) {
        assertThat(values(text, type)).containsExactly(value);
        String withoutContext = "Reference " + value + " noted.";
        assertThat(values(withoutContext, type)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"born on 02/30/1985", "DOB 13/13/1985", "born 1985-02-29", "DOB: 01/01/1850",
            "born on 01/01/2999"})
    void impossibleBirthDatesAreNotReported(String text) {
        assertThat(values(text, EntityTypes.DATE_OF_BIRTH)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Please renew your license today.", "Driver license office opens at 9",
            "The passport office is closed", "Medical record requests take 5 days"})
    void wordsAreNeverLicensesOrPassports(String text) {
        assertThat(found(text)).isEmpty();
    }
}
