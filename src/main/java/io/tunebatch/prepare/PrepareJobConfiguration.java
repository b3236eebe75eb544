package io.tunebatch.prepare;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly prepare job: ingest → pii-scan → validate → validation-report → snapshot →
 * snapshot-seal. Each step is restartable from its last committed chunk; a restart skips the
 * steps that completed.
 */
@Configuration(proxyBeanMethods = false)
public class PrepareJobConfiguration {

    public static final String JOB_NAME = "prepare";

    @Bean
    Job prepareJob(JobRepository jobRepository, PrepareProgressListener progress,
                   @Qualifier("ingestStep") Step ingest, @Qualifier("piiScanStep") Step piiScan,
                   @Qualifier("validateStep") Step validate, @Qualifier("validationReportStep") Step report,
                   @Qualifier("snapshotStep") Step snapshot, @Qualifier("snapshotSealStep") Step seal) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(progress)
                .start(ingest)
                .next(piiScan)
                .next(validate)
                .next(report)
                .next(snapshot)
                .next(seal)
                .build();
    }
}
