package io.tunebatch.drift;

import io.tunebatch.audit.CurrentTask;
import io.tunebatch.snapshot.DatasetSnapshot;
import io.tunebatch.snapshot.SnapshotRepository;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The drift job's one step: profiles the reference (the snapshot or the population it was drawn
 * from) and the fresh data, compares them feature by feature, and stores the report with its
 * recommendation. Its id and the first rejected records go into the step context for the command
 * to print.
 */
final class DriftTasklet implements Tasklet {

    static final String REPORT_ID = "drift.report";
    static final String FIRST_REJECTIONS = "drift.rejections";

    private final SnapshotRepository snapshots;
    private final DriftRepository repository;
    private final FreshData freshData;
    private final DriftAnalysis analysis;
    private final CurrentTask task;

    DriftTasklet(SnapshotRepository snapshots, DriftRepository repository, FreshData freshData, DriftAnalysis analysis,
                 CurrentTask task) {
        this.snapshots = snapshots;
        this.repository = repository;
        this.freshData = freshData;
        this.analysis = analysis;
        this.task = task;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = contribution.getStepExecution();
        var parameters = step.getJobParameters();
        String snapshotId = parameters.getString(DriftService.SNAPSHOT);
        String source = parameters.getString(DriftService.SOURCE);
        DatasetSnapshot snapshot = snapshots.find(snapshotId)
                .orElseThrow(() -> new IllegalStateException("snapshot " + snapshotId + " no longer exists"));
        DriftReference kind = DriftService.reference(parameters);
        DatasetProfile reference = repository.profile(snapshot, kind);
        FreshData.Profiled current = freshData.profile(source, parameters.getString(DriftService.SOURCE_SYSTEM));
        List<FeatureDrift> features = analysis.compare(reference, current.profile());
        Double maxPsi = features.stream().mapToDouble(FeatureDrift::psi).filter(psi -> !Double.isNaN(psi)).boxed()
                .max(Double::compare).orElse(null);
        long id = repository.insert(new DriftRepository.StoredReport(0, step.getJobExecution().getJobInstance().getInstanceId(),
                step.getJobExecutionId(), snapshot.id(), snapshot.fingerprint(), kind, source, reference.examples(),
                current.profile().examples(), current.rejected(), maxPsi, DriftAnalysis.recommendation(features),
                OffsetDateTime.now(ZoneOffset.UTC)), task.executionId().orElse(null), features);
        ExecutionContext context = step.getExecutionContext();
        context.putLong(REPORT_ID, id);
        context.putString(FIRST_REJECTIONS, String.join("\n", current.firstRejections()));
        return RepeatStatus.FINISHED;
    }
}
