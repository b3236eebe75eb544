package io.tunebatch.samples;

import java.util.List;

/**
 * One well-formed source record with the default field names of the prepare job. annotatorId and
 * reviewStatus are optional (null when absent); planted lists the PII and hard negatives in it.
 */
public record SampleRecord(String sourceSystem, String sourceDocumentId, String instruction, String input,
                           String output, String annotatorId, String reviewStatus, List<PlantedValue> planted) {

    public static final List<String> FIELD_NAMES = List.of("source_system", "source_document_id", "instruction",
            "input", "output", "annotator_id", "review_status");

    public SampleRecord {
        planted = List.copyOf(planted);
    }
}
