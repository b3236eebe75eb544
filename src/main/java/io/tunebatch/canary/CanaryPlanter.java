package io.tunebatch.canary;

import io.tunebatch.ingest.IngestItem;
import io.tunebatch.ingest.IngestRepository;
import io.tunebatch.lineage.ReviewStatus;
import io.tunebatch.lineage.SourceReference;
import io.tunebatch.snapshot.DatasetSnapshot;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Plants a run's canaries as training examples with lineage (source system
 * {@value #SOURCE_SYSTEM}, one source document per snapshot, record number = canary number), so
 * they go through PII scan and validation like any other example, and records them under the
 * snapshot id the run will seal. Runs in its step's transaction: either all of this commits or none.
 */
@Component
class CanaryPlanter {

    static final String SOURCE_SYSTEM = "tunebatch-canary";
    private static final Logger log = LoggerFactory.getLogger(CanaryPlanter.class);

    private final CanaryFactory factory = new CanaryFactory();
    private final CanaryRepository canaries;
    private final IngestRepository ingest;

    CanaryPlanter(CanaryRepository canaries, IngestRepository ingest) {
        this.canaries = canaries;
        this.ingest = ingest;
    }

    /** Plants {@code count} canaries unless an earlier try of this job instance already did. */
    void plant(long jobInstanceId, long jobExecutionId, int count) {
        String snapshotId = DatasetSnapshot.idFor(jobInstanceId);
        if (canaries.planted(snapshotId)) {
            log.info("canaries for snapshot {} were planted by an earlier try of this run; planting none", snapshotId);
            return;
        }
        List<Canary> planted = factory.create(snapshotId, count);
        List<IngestItem.Accepted> examples = planted.stream().map(canary -> new IngestItem.Accepted(canary.example(),
                new SourceReference(SOURCE_SYSTEM, snapshotId, SOURCE_SYSTEM + ":" + snapshotId, canary.number(), 0),
                null, ReviewStatus.PENDING)).toList();
        ingest.insertExamples(examples, jobExecutionId);
        ingest.insertLineage(examples, jobExecutionId);
        canaries.insert(snapshotId, planted);
        log.info("planted {} canaries for snapshot {}", count, snapshotId);
    }
}
