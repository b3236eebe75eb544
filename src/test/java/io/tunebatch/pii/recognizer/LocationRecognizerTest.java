package io.tunebatch.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.Detect;
import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiEngine;
import io.tunebatch.pii.PiiProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationRecognizerTest {

    private static final PiiEngine WITH_LOCATIONS = PiiEngine.create(
            new PiiProperties(null, EntityTypes.ALL, null, null, null, null, null, null, null, null, null, null));

    private static List<String> values(String text, String type) {
        return Detect.found(WITH_LOCATIONS, text).stream()
                .filter(f -> f.startsWith(type + ":")).map(f -> f.substring(type.length() + 1)).toList();
    }

    @Test
    void locationsAreOffByDefaultButStillAreNotPeople() {
        assertThat(Detect.found("Please ask Georgia about it.")).isEmpty();
        assertThat(Detect.found("Please ask Dr. Georgia about it.")).containsExactly("PERSON:Georgia");
    }

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
