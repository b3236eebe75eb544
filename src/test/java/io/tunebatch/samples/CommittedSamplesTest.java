package io.tunebatch.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** jobs/samples covers every case the prepare job must handle, and its README tells the truth. */
class CommittedSamplesTest {

    private static final Path SAMPLES = Path.of("jobs/samples");

    @Test
    void everyPiiTypeHardNegativePlantingAndMalformationOccurs() throws IOException {
        Set<String> types = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        Set<String> malformations = new HashSet<>();
        for (String file : SampleGenerator.fileNames(SampleFormat.BOTH)) {
            GroundTruth truth = GroundTruth.of(SAMPLES, file);
            truth.values().forEach(value -> types.add(value.get("type").stringValue()));
            truth.plantings().forEach(planting -> kinds.add(planting.get("kind").stringValue()));
            truth.plantings("malformed").forEach(m -> malformations.add(m.get("malformation").stringValue()));
        }

        assertThat(types).containsExactlyInAnyOrder("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN",
                "CREDIT_CARD", "ORDER_NUMBER", "VERSION", "ISBN", "TRACKING_CODE", "DATE");
        assertThat(kinds).containsAll(Arrays.stream(Planting.values()).filter(p -> p != Planting.ORIGINAL)
                .map(Planting::label).toList()).contains("malformed");
        assertThat(malformations).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Malformation.values()).map(Malformation::label).toList());
    }

    @Test
    void someExactDuplicateComesFromTheOtherSourceSystem() throws IOException {
        boolean acrossSystems = false;
        for (String file : SampleGenerator.fileNames(SampleFormat.BOTH)) {
            Map<String, String> systemOf = SampleFile.read(SAMPLES.resolve(file), Integer.MAX_VALUE).entries().stream()
                    .filter(entry -> entry.fields() != null)
                    .collect(Collectors.toMap(entry -> entry.fields().get("source_document_id"),
                            entry -> entry.fields().get("source_system")));
            for (JsonNode duplicate : GroundTruth.of(SAMPLES, file).plantings("exact_duplicate")) {
                acrossSystems |= !systemOf.get(duplicate.get("source_document_id").stringValue())
                        .equals(systemOf.get(duplicate.get("duplicate_of").stringValue()));
            }
        }
        assertThat(acrossSystems).isTrue();
    }

    @Test
    void theReadmeListsEveryMalformedLine() throws IOException {
        String readme = Files.readString(SAMPLES.resolve("README.md"));
        int listed = 0;
        for (String file : SampleGenerator.fileNames(SampleFormat.BOTH)) {
            List<JsonNode> malformed = GroundTruth.of(SAMPLES, file).plantings("malformed");
            for (JsonNode line : malformed) {
                assertThat(readme).contains("| `" + file + "` | " + line.get("line").longValue() + " | `"
                        + line.get("malformation").stringValue() + "`");
                listed++;
            }
        }
        assertThat(readme).contains(listed + " rejected");
    }
}
