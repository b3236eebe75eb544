package io.tunebatch.pii.recognizer;

import static io.tunebatch.pii.Detect.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.EntityTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreetAddressRecognizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ship it to 42 W Elm St Apt. 4B, thanks.|42 W Elm St Apt. 4B",
            "I live at 1600 Pennsylvania Avenue NW, Washington, DC 20500 now.|1600 Pennsylvania Avenue NW, Washington, DC 20500",
            "Send mail to PO Box 1234.|PO Box 1234",
            "Wohnhaft in Hauptstraße 5, 10115 Berlin seit 2019.|Hauptstraße 5, 10115 Berlin",
            "Elle habite 12 rue de la Paix depuis longtemps.|12 rue de la Paix",
            "Office: 350 Fifth Avenue Suite 3300|350 Fifth Avenue Suite 3300",
            "ship to 42 elm street apt 5, springfield il 62704 asap|42 elm street apt 5, springfield il 62704",
            "I moved to Springfield, IL 62704 last year.|Springfield, IL 62704",
            "Abita in Corso Vittorio Emanuele 21 da anni.|Corso Vittorio Emanuele 21",
            "Mieszka przy Aleja Róż 5 od roku.|Aleja Róż 5",
            "The parcel is for Apt. 4B, second floor.|Apt. 4B",
            "Our office moved to Suite 300 last week.|Suite 300",
            "My zip code is 62704, the clinic's too.|62704",
            "Postcode: SW1A 1AA|SW1A 1AA",
            "Billing zip 10001-1234 on file.|10001-1234",
            "Send it to 221B Baker Street, London NW1 6XE please.|221B Baker Street, London NW1 6XE",
            "Mail 10 Downing Street, London SW1A 2AA, UK today.|10 Downing Street, London SW1A 2AA, UK",
            "Adres: ul. Marszałkowska 10/12, 00-590 Warszawa.|ul. Marszałkowska 10/12, 00-590 Warszawa",
            "Post it to Flat 2, 34 High Road, Manchester M1 1AA please.|Flat 2, 34 High Road, Manchester M1 1AA",
            "Unit 5, 10 Smith St, Sydney NSW 2000|Unit 5, 10 Smith St, Sydney NSW 2000",
    })
    void findsStreetAddresses(String text, String address) {
        assertThat(values(text, EntityTypes.ADDRESS)).containsExactly(address);
    }

    @org.junit.jupiter.api.Test
    void militaryMailIsAnAddress() {
        assertThat(values("Forward it to USNS Ortiz\nFPO AP 96603 please.", EntityTypes.ADDRESS))
                .containsExactly("USNS Ortiz\nFPO AP 96603");
        assertThat(values("Deliver to PSC 4120, Box 2231\nAPO AE 09021.", EntityTypes.ADDRESS))
                .containsExactly("PSC 4120, Box 2231\nAPO AE 09021");
    }

    @org.junit.jupiter.api.Test
    void aBlockSpansQuotedLines() {
        assertThat(values("> Jane\n> 12 Hauptstraße 5\n> Apt. 3\n> 10115 Berlin\n> Germany\n> Thanks", EntityTypes.ADDRESS))
                .containsExactly("12 Hauptstraße 5\n> Apt. 3\n> 10115 Berlin\n> Germany");
    }

    @ParameterizedTest
    @ValueSource(strings = {"We sold 42 units on the street.", "Chapter 12 Part 3", "Bring 5 copies",
            "Version 2 Drive Update", "Meet me at the Main Street cafe.", "As Smith et al. Jones 2019 found.",
            "We bought the suite 2 licence.", "Step 3 of the apartment 4 checklist", "The cap is 12345 dollars.",
            "Error code is 40401 again."})
    void ignoresNumbersAndStreetWordsThatAreNotAddresses(String text) {
        assertThat(values(text, EntityTypes.ADDRESS)).isEmpty();
    }
}
