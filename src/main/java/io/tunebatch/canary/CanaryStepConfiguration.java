package io.tunebatch.canary;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The plant-canaries step of the prepare job, right after ingest: plants job parameter
 * {@value #PARAMETER} canaries (opt-in: absent or 0 plants none).
 */
@Configuration(proxyBeanMethods = false)
public class CanaryStepConfiguration {

    public static final String STEP_NAME = "plant-canaries";
    /** Job parameter: how many canaries to plant. */
    public static final String PARAMETER = "canaries";
    /** Canaries measure memorization; a handful does, thousands would only skew the training data. */
    public static final int MAX_CANARIES = 1000;

    @Bean
    Step plantCanariesStep(JobRepository jobRepository,
                           @Qualifier("transactionManager") PlatformTransactionManager transactionManager, CanaryPlanter planter) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    Long count = job.getJobParameters().getLong(PARAMETER);
                    if (count != null && count > 0) {
                        planter.plant(job.getJobInstance().getInstanceId(), job.getId(), Math.toIntExact(count));
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}
