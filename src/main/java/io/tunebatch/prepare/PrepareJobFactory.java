package io.tunebatch.prepare;

import org.springframework.batch.core.job.Job;
import java.util.List;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Builds the prepare job's flow, ingest → plant-canaries (opt-in) → pii-scan → validate → validation-report → snapshot →
 * snapshot-seal, under any job name: {@code prepare} for the CLI command, a job definition's name
 * for {@code run jobs/FILE.yaml}. Each step is restartable from its last committed chunk; a
 * restart skips the steps that completed.
 */
@Component
public class PrepareJobFactory {

    private final JobRepository jobRepository;
    private final PrepareProgressListener progress;
    private final Step ingest;
    private final Step plantCanaries;
    private final Step piiScan;
    private final Step validate;
    private final Step report;
    private final Step snapshot;
    private final Step seal;

    PrepareJobFactory(JobRepository jobRepository, PrepareProgressListener progress,
                      @Qualifier("ingestStep") Step ingest, @Qualifier("plantCanariesStep") Step plantCanaries,
                      @Qualifier("piiScanStep") Step piiScan,
                      @Qualifier("validateStep") Step validate, @Qualifier("validationReportStep") Step report,
                      @Qualifier("snapshotStep") Step snapshot, @Qualifier("snapshotSealStep") Step seal) {
        this.jobRepository = jobRepository;
        this.progress = progress;
        this.ingest = ingest;
        this.plantCanaries = plantCanaries;
        this.piiScan = piiScan;
        this.validate = validate;
        this.report = report;
        this.snapshot = snapshot;
        this.seal = seal;
    }

    public Job create(String jobName) {
        return create(jobName, List.of());
    }

    /** The prepare steps, then {@code then} in order (a job definition's train steps). */
    public Job create(String jobName, List<Step> then) {
        SimpleJobBuilder job = new JobBuilder(jobName, jobRepository)
                .listener(progress)
                .start(ingest)
                .next(plantCanaries)
                .next(piiScan)
                .next(validate)
                .next(report)
                .next(snapshot)
                .next(seal);
        then.forEach(job::next);
        return job.build();
    }
}
