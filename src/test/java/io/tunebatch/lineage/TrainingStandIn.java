package io.tunebatch.lineage;

import io.tunebatch.snapshot.SnapshotRepository;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A real one-step Spring Batch job standing in for training until the train job exists: it checks
 * that its {@code snapshotId} parameter names a sealed snapshot, and fails as often as armed (a
 * crash the operator then restarts), so the job repository holds a genuine failure and restart.
 */
@TestConfiguration(proxyBeanMethods = false)
class TrainingStandIn {

    static final String JOB_NAME = "train-stand-in";

    final AtomicInteger failuresLeft = new AtomicInteger();

    @Bean
    Job trainStandInJob(JobRepository jobRepository, @Qualifier("transactionManager") PlatformTransactionManager transactionManager,
                        SnapshotRepository snapshots) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(new StepBuilder("train", jobRepository)
                        .tasklet((contribution, chunk) -> {
                            String snapshotId = chunk.getStepContext().getStepExecution().getJobParameters().getString("snapshotId");
                            snapshots.find(snapshotId).orElseThrow(() -> new IllegalStateException("no snapshot " + snapshotId));
                            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                throw new IllegalStateException("training node lost");
                            }
                            return RepeatStatus.FINISHED;
                        }, transactionManager)
                        .build())
                .build();
    }
}
