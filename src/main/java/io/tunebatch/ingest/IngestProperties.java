package io.tunebatch.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ingest step ({@code tunebatch.ingest.*}).
 *
 * @param fields         which input field holds what
 * @param chunkSize      records per transaction
 * @param maxRecordBytes a record longer than this is rejected as oversize
 * @param skipLimit      more rejected records than this fail the job
 */
@ConfigurationProperties("tunebatch.ingest")
public record IngestProperties(
        @DefaultValue FieldMapping fields,
        @DefaultValue("500") int chunkSize,
        @DefaultValue("1048576") int maxRecordBytes,
        @DefaultValue("1000") long skipLimit) {

    /** Input field names; the defaults follow the reference design. */
    public record FieldMapping(
            @DefaultValue("source_system") String sourceSystem,
            @DefaultValue("source_document_id") String sourceDocumentId,
            @DefaultValue("instruction") String instruction,
            @DefaultValue("input") String input,
            @DefaultValue("output") String output,
            @DefaultValue("annotator_id") String annotatorId,
            @DefaultValue("review_status") String reviewStatus) {
    }
}
