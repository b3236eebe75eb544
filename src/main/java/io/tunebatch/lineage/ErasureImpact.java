package io.tunebatch.lineage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a source document reached: its examples (and whether an erasure would remove each), the
 * snapshots holding them and the model versions trained on those snapshots.
 */
public record ErasureImpact(String sourceSystem, String sourceDocumentId, List<Example> examples,
                            List<Snapshot> snapshots, List<ModelVersionUse> modelVersions, List<PastRequest> pastRequests) {

    /**
     * An example of the document. {@code otherDocuments}: the other documents, not erased, that
     * provide the same content; while there is one, erasing this document leaves the example in.
     */
    public record Example(String exampleId, String contentHash, boolean alreadyErased, List<String> otherDocuments) {

        /** Whether erasing the document takes this example out of future snapshots now. */
        @JsonProperty
        public boolean erasedByRequest() {
            return !alreadyErased && otherDocuments.isEmpty();
        }
    }

    /** A sealed snapshot holding {@code examplesFromDocument} of the document's examples. */
    public record Snapshot(String snapshotId, String fingerprint, OffsetDateTime createdAt, long examplesFromDocument) {
    }

    /** A model version trained on one of those snapshots, and the stage it is in now. */
    public record ModelVersionUse(long modelVersionId, String modelName, int version, String stage, String snapshotId) {

        @JsonProperty
        public boolean inProduction() {
            return "production".equals(stage);
        }
    }

    /** An earlier erasure request for the same document. */
    public record PastRequest(long erasureRequestId, String requestedBy, OffsetDateTime requestedAt) {
    }

    public List<Example> examplesToErase() {
        return examples.stream().filter(Example::erasedByRequest).toList();
    }

    public List<ModelVersionUse> inProduction() {
        return modelVersions.stream().filter(ModelVersionUse::inProduction).toList();
    }
}
