package io.tunebatch.train;

import io.tunebatch.evaluate.EvaluateTasklet;
import io.tunebatch.evaluate.EvaluationService;
import io.tunebatch.evaluate.TextGeneratorFactory;
import io.tunebatch.partition.RemotePartitioning;
import io.tunebatch.registry.MlflowProperties;
import io.tunebatch.registry.ModelRegistry;
import io.tunebatch.snapshot.SnapshotExporter;
import io.tunebatch.snapshot.SnapshotRepository;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The train job: training-data (export + split) → train (one partition per grid candidate, each in
 * a child JVM: here, at most one per device at a time, or on worker processes) → select-candidate →
 * evaluate (when a suite is given).
 */
@Configuration(proxyBeanMethods = false)
public class TrainJobConfiguration {

    public static final String JOB_NAME = "train";
    /**
     * Job parameter: where the train step's partitions run, {@code local} or {@code remote}; set at
     * launch (default {@code tunebatch.partitioning.mode}) and kept by restarts.
     */
    public static final String PARTITIONS_PARAMETER = "train.partitions";
    /** The partitions of one candidate each: {@code train-candidate:<candidate>} step executions, here or on workers. */
    static final String CANDIDATE_STEP = "train-candidate";

    @Bean
    Job trainJob(JobRepository jobRepository, @Qualifier("trainingDataStep") Step data,
                 @Qualifier("trainStep") Step train, @Qualifier("selectCandidateStep") Step select,
                 @Qualifier("evaluateSelectedStep") Step evaluate) {
        JobExecutionDecider suiteGiven = (job, step) -> new FlowExecutionStatus(
                job.getJobParameters().getString(EvaluateTasklet.SUITE) == null ? "NO_SUITE" : "EVALUATE");
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(data).next(train).next(select)
                .next(suiteGiven).on("EVALUATE").to(evaluate)
                .from(suiteGiven).on("NO_SUITE").end()
                .end()
                .build();
    }

    /** With {@code --suite}, the selected adapter is evaluated and the gate decides the job's outcome. */
    @Bean
    Step evaluateSelectedStep(JobRepository jobRepository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                              EvaluationService evaluation, TextGeneratorFactory models) {
        return new StepBuilder("evaluate", jobRepository).tasklet(new EvaluateTasklet(evaluation, models), tm).build();
    }

    /** For a job definition with a register step: the adapter that passed the gate becomes a development version. */
    @Bean
    Step registerSelectedStep(JobRepository jobRepository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                              ModelRegistry registry, TrainingRunRepository runs) {
        return new StepBuilder("register", jobRepository)
                .tasklet(new RegisterSelectedTasklet(registry, runs, jobRepository), tm).build();
    }

    /** For a job definition that prepares and then trains: the train steps use the snapshot just sealed. */
    @Bean
    Step sealedSnapshotStep(JobRepository jobRepository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                            SnapshotRepository snapshots) {
        return new StepBuilder("training-snapshot", jobRepository).tasklet(new SealedSnapshotTasklet(snapshots), tm).build();
    }

    @Bean
    Step trainingDataStep(JobRepository jobRepository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                          SnapshotRepository snapshots, SnapshotExporter exporter,
                          @Value("${tunebatch.data-dir}") Path dataDir) {
        return new StepBuilder("training-data", jobRepository)
                .tasklet(new TrainingDataTasklet(snapshots, exporter, dataDir), tm).build();
    }

    /**
     * One partition per candidate, where the run says ({@link TrainPartitionHandler}): here, at most
     * one per device at a time, or on the workers.
     */
    @Bean
    Step trainStep(JobRepository jobRepository, Partitioner candidatePartitioner,
                   @Qualifier("trainCandidateStep") Step candidateStep,
                   @Value("${tunebatch.train.parallel-partitions:0}") int parallel,
                   ObjectProvider<RemotePartitioning> remote) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("train-");
        // one partition per device at a time: several trainings on one device only fight for it
        executor.setConcurrencyLimit(parallel > 0 ? parallel : DeviceInventory.resolve("auto").size());
        TaskExecutorPartitionHandler local = new TaskExecutorPartitionHandler();
        local.setStep(candidateStep);
        local.setTaskExecutor(executor);
        return new StepBuilder("train", jobRepository)
                .partitioner(CANDIDATE_STEP, candidatePartitioner)
                .partitionHandler(new TrainPartitionHandler(local,
                        Optional.ofNullable(remote.getIfAvailable()).map(r -> r.partitionHandler(CANDIDATE_STEP))))
                .build();
    }

    @Bean
    @StepScope
    Partitioner candidatePartitioner(@Value("#{jobParameters['config']}") String configFile) {
        return new CandidatePartitioner(TrainingConfigLoader.load(Path.of(configFile)));
    }

    @Bean
    Step trainCandidateStep(JobRepository jobRepository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                            CandidateTrainingTasklet candidateTrainingTasklet) {
        return candidateStep(new StepBuilder(CANDIDATE_STEP, jobRepository), candidateTrainingTasklet, tm);
    }

    /** The candidate step as a local partition or, built by a worker step builder, as a remote one. */
    static Step candidateStep(StepBuilder builder, CandidateTrainingTasklet tasklet, PlatformTransactionManager tm) {
        return builder.tasklet(tasklet, tm).listener(tasklet).build();
    }

    @Bean
    @StepScope
    CandidateTrainingTasklet candidateTrainingTasklet(TrainingRunRepository runs, TrainingTracker trainingTracker,
                                                      DeviceAssignments devices,
                                                      @Value("${tunebatch.data-dir}") Path dataDir,
                                                      @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long instance,
                                                      @Value("${tunebatch.train.child-heap:4g}") String childHeap,
                                                      @Value("${tunebatch.train.poll-millis:1000}") long pollMillis) {
        return new CandidateTrainingTasklet(runs, TrainingWorkspace.of(dataDir, instance), trainingTracker, devices,
                childHeap, pollMillis);
    }

    /** MLflow tracking when {@code tunebatch.mlflow.tracking-uri} is set; our tables are the record either way. */
    @Bean
    TrainingTracker trainingTracker(MlflowProperties mlflow) {
        return mlflow.trackingUri() == null || mlflow.trackingUri().isBlank()
                ? TrainingTracker.OFF : new MlflowTrainingTracker(mlflow.trackingUri());
    }

    @Bean
    Step selectCandidateStep(JobRepository jobRepository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                             TrainingRunRepository runs) {
        return new StepBuilder("select-candidate", jobRepository).tasklet(new SelectCandidateTasklet(runs), tm).build();
    }
}
