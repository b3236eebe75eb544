package io.tunebatch.pii.recognizer;

import static io.tunebatch.pii.Detect.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.EntityTypes;
import org.junit.jupiter.api.Test;

class LocationRecognizerTest {

    @Test
    void findsCountriesStatesAndCitiesLongestFirst() {
        assertThat(values("She moved from New York to Buenos Aires, Argentina.", EntityTypes.LOCATION))
                .containsExactly("New York", "Buenos Aires", "Argentina");
        assertThat(values("Flights to St. Louis", EntityTypes.LOCATION)).containsExactly("St. Louis");
    }

    @Test
    void capitalsCountOnlyInAllCapsRecords() {
        assertThat(values("PATIENT MOVED TO GEORGIA", EntityTypes.LOCATION)).containsExactly("GEORGIA");
        assertThat(values("The CHAD protocol failed", EntityTypes.LOCATION)).isEmpty();
        assertThat(values("a chad from the ballot", EntityTypes.LOCATION)).isEmpty();
    }
}
