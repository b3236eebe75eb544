package io.tunebatch.ingest;

import io.tunebatch.lineage.ExampleContent;
import io.tunebatch.lineage.ReviewStatus;
import io.tunebatch.lineage.SourceReference;

/** A read record after mapping: an example with its source, or a rejection with its reason. */
public sealed interface IngestItem {

    record Accepted(ExampleContent content, SourceReference source, String annotatorId,
                    ReviewStatus reviewStatus) implements IngestItem {
    }

    /** {@code field} is null when the problem is not one field's (a malformed line, say). */
    record Rejected(RecordLocation location, String field, String reason) implements IngestItem {
    }
}
