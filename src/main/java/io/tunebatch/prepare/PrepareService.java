package io.tunebatch.prepare;

import io.tunebatch.canary.CanaryStepConfiguration;
import io.tunebatch.ingest.SourceFiles;
import io.tunebatch.ops.ExitMessages;
import io.tunebatch.snapshot.DatasetSnapshot;
import io.tunebatch.snapshot.SnapshotRepository;
import io.tunebatch.validate.ValidationSummary;
import io.tunebatch.validate.ValidationRepository;
import java.time.Instant;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Launches the prepare job and reads back what a run did. */
@Service
public class PrepareService {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job prepareJob;
    private final ValidationRepository validation;
    private final SnapshotRepository snapshots;
    private final String reviewPolicy;

    public PrepareService(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("prepareJob") Job prepareJob,
                          ValidationRepository validation, SnapshotRepository snapshots,
                          @Value("${tunebatch.review.policy:flagged}") String reviewPolicy) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.prepareJob = prepareJob;
        this.validation = validation;
        this.snapshots = snapshots;
        this.reviewPolicy = reviewPolicy;
    }

    /**
     * Runs the job to its end. Each launch is a new job instance (launch time is identifying), so
     * nightly runs over the same folder are separate, restartable runs.
     *
     * @throws IllegalArgumentException when the source matches nothing
     */
    public JobExecution prepare(String source, String sourceSystem) throws Exception {
        return prepare(source, sourceSystem, 0);
    }

    /**
     * As {@link #prepare(String, String)}, planting {@code canaries} canary examples (none when 0).
     *
     * @throws IllegalArgumentException when the source matches nothing
     */
    public JobExecution prepare(String source, String sourceSystem, int canaries) throws Exception {
        SourceFiles.resolve(source);
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("source", source)
                .addString("launchedAt", Instant.now().toString())
                .addString("reviewPolicy", reviewPolicy, false);
        if (sourceSystem != null && !sourceSystem.isBlank()) {
            parameters.addString("sourceSystem", sourceSystem);
        }
        if (canaries > 0) {
            parameters.addLong(CanaryStepConfiguration.PARAMETER, (long) canaries, false);
        }
        JobParameters jobParameters = parameters.toJobParameters();
        return jobOperator.start(prepareJob, jobParameters);
    }

    public PrepareSummary summarize(JobExecution execution) {
        JobInstance instance = execution.getJobInstance();
        ExecutionContext ingest = stepContext(instance, "ingest");
        ExecutionContext pii = stepContext(instance, "pii-scan");
        long written = ingest.getLong("ingest.written", 0L);
        long deduplicated = ingest.getLong("ingest.deduplicated", 0L);
        long rejected = ingest.getLong("ingest.rejected", 0L);
        ValidationSummary valid = validation.summary(instance.getInstanceId());
        Optional<DatasetSnapshot> snapshot = snapshots.findByJobInstance(instance.getInstanceId());
        String report = stepContext(instance, "validation-report").getString("validation.report", null);
        return new PrepareSummary(execution.getId(), instance.getInstanceId(), execution.getStatus().name(),
                ExitMessages.of(execution), written + deduplicated + rejected, written, deduplicated, rejected,
                pii.getLong("pii.scanned", 0L), pii.getLong("pii.flagged", 0L), pii.getLong("pii.detections", 0L),
                valid.valid(), valid.invalid(), valid.invalidByRule(), report,
                snapshot.map(DatasetSnapshot::id).orElse(null),
                snapshot.map(DatasetSnapshot::fingerprint).orElse(null),
                snapshot.map(DatasetSnapshot::exampleCount).orElse(null));
    }

    private ExecutionContext stepContext(JobInstance instance, String stepName) {
        StepExecution step = jobRepository.getLastStepExecution(instance, stepName);
        return step == null ? new ExecutionContext() : step.getExecutionContext();
    }
}
