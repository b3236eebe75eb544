package io.tunebatch.drift;

import io.tunebatch.ingest.SourceFiles;
import io.tunebatch.ops.ExitMessages;
import io.tunebatch.snapshot.SnapshotRepository;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Launches the drift job and reads back its report. */
@Service
public class DriftService {

    static final String SNAPSHOT = "snapshot";
    static final String SOURCE = "source";
    static final String SOURCE_SYSTEM = "sourceSystem";
    static final String REFERENCE = "reference";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job driftJob;
    private final SnapshotRepository snapshots;
    private final DriftRepository reports;

    public DriftService(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("driftJob") Job driftJob,
                        SnapshotRepository snapshots, DriftRepository reports) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.driftJob = driftJob;
        this.snapshots = snapshots;
        this.reports = reports;
    }

    /**
     * @param sourceSystem for records that do not name one, as {@code prepare --source-system}
     * @param reference    what the fresh data is compared with
     * @throws IllegalArgumentException when the snapshot does not exist or the source matches nothing
     */
    public JobExecution drift(String snapshotId, String source, String sourceSystem, DriftReference reference)
            throws Exception {
        snapshots.find(snapshotId)
                .orElseThrow(() -> new IllegalArgumentException("no snapshot " + snapshotId + "; see `tunebatch snapshot list`"));
        SourceFiles.resolve(source);
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(SNAPSHOT, snapshotId)
                .addString(SOURCE, source)
                .addString(REFERENCE, reference.value())
                .addString("launchedAt", Instant.now().toString());
        if (sourceSystem != null && !sourceSystem.isBlank()) {
            parameters.addString(SOURCE_SYSTEM, sourceSystem);
        }
        return jobOperator.start(driftJob, parameters.toJobParameters());
    }

    /** The reference a run was launched with; runs launched before there was a choice compared with the snapshot. */
    static DriftReference reference(JobParameters parameters) {
        String reference = parameters.getString(REFERENCE);
        return reference == null ? DriftReference.SNAPSHOT : DriftReference.of(reference);
    }

    public DriftReport summarize(JobExecution execution) {
        StepExecution step = jobRepository.getLastStepExecution(execution.getJobInstance(), "drift-report");
        String rejections = step == null ? "" : step.getExecutionContext().getString(DriftTasklet.FIRST_REJECTIONS, "");
        List<String> firstRejections = rejections.isEmpty() ? List.of() : Arrays.asList(rejections.split("\n"));
        String status = execution.getStatus().name();
        return reports.findByJobInstance(execution.getJobInstance().getInstanceId())
                .map(r -> new DriftReport(execution.getId(), status, ExitMessages.of(execution), r.id(), r.snapshotId(),
                        r.reference().value(), r.source(), r.referenceExamples(), r.currentRecords(), r.rejectedRecords(),
                        firstRejections, reports.features(r.id()), r.recommendation()))
                .orElseGet(() -> new DriftReport(execution.getId(), status, ExitMessages.of(execution), null,
                        execution.getJobParameters().getString(SNAPSHOT), reference(execution.getJobParameters()).value(),
                        execution.getJobParameters().getString(SOURCE), null, null, null, firstRejections, List.of(), null));
    }
}
