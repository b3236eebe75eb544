package io.tunebatch.drift;

import io.tunebatch.audit.CurrentTask;
import io.tunebatch.ingest.IngestProperties;
import io.tunebatch.pii.PiiAnonymizer;
import io.tunebatch.pii.PiiDetector;
import io.tunebatch.snapshot.SnapshotRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code drift} job: one step that profiles, compares and stores a drift report. */
@Configuration(proxyBeanMethods = false)
public class DriftJobConfiguration {

    public static final String JOB_NAME = "drift";

    @Bean
    Job driftJob(JobRepository jobRepository, @Qualifier("transactionManager") PlatformTransactionManager transactionManager,
                 SnapshotRepository snapshots, DriftRepository repository, IngestProperties ingest, PiiDetector pii,
                 PiiAnonymizer anonymizer, DriftProperties properties, CurrentTask task) {
        DriftTasklet tasklet = new DriftTasklet(snapshots, repository, new FreshData(ingest, pii, anonymizer),
                new DriftAnalysis(properties), task);
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(new StepBuilder("drift-report", jobRepository).tasklet(tasklet, transactionManager).build())
                .build();
    }
}
