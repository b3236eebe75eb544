package io.tunebatch.train;

import io.tunebatch.partition.RemotePartitioning;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The train step's worker half in remote mode: workers run a candidate partition exactly as the
 * local step does (a child JVM per candidate, on a device of the worker's), reading the training
 * data from and writing checkpoints and the adapter to the shared {@code tunebatch.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tunebatch.partitioning.mode", havingValue = "remote")
class RemoteTrainingConfiguration {

    /** Named after its step: workers find the step to run by the bean name in the request. */
    @Bean(TrainJobConfiguration.CANDIDATE_STEP)
    Step trainCandidateWorkerStep(RemotePartitioning remote, @Qualifier("transactionManager") PlatformTransactionManager tm,
                                  CandidateTrainingTasklet candidateTrainingTasklet) {
        return TrainJobConfiguration.candidateStep(remote.workerStep(TrainJobConfiguration.CANDIDATE_STEP),
                candidateTrainingTasklet, tm);
    }
}
