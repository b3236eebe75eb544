package io.tunebatch.pii;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/** Saves a chunk of scan results; its counts travel with the chunk in the step context. */
final class PiiScanWriter implements ItemStreamWriter<ScannedExample> {

    static final String SCANNED = "pii.scanned";
    static final String FLAGGED = "pii.flagged";
    static final String DETECTIONS = "pii.detections";

    private final PiiScanRepository repository;
    private final long jobExecutionId;
    private final String keyId;
    private long scanned;
    private long flagged;
    private long detections;

    PiiScanWriter(PiiScanRepository repository, long jobExecutionId, String keyId) {
        this.repository = repository;
        this.jobExecutionId = jobExecutionId;
        this.keyId = keyId;
    }

    @Override
    public void write(Chunk<? extends ScannedExample> chunk) {
        repository.save(chunk.getItems(), jobExecutionId, keyId);
        for (ScannedExample example : chunk) {
            scanned++;
            flagged += example.detected() ? 1 : 0;
            detections += example.detections();
        }
    }

    @Override
    public void open(ExecutionContext context) {
        scanned = context.getLong(SCANNED, 0L);
        flagged = context.getLong(FLAGGED, 0L);
        detections = context.getLong(DETECTIONS, 0L);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(SCANNED, scanned);
        context.putLong(FLAGGED, flagged);
        context.putLong(DETECTIONS, detections);
    }
}
