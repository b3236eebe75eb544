package io.tunebatch.train;

import io.tunebatch.evaluate.EvaluateTasklet;
import io.tunebatch.ops.ExitMessages;
import io.tunebatch.partition.PartitioningProperties;
import io.tunebatch.snapshot.DatasetSnapshot;
import io.tunebatch.snapshot.SnapshotRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Launches the train job on a snapshot and reads back its candidates and selection. */
@Service
public class TrainService {

    private final JobOperator jobOperator;
    private final Job trainJob;
    private final SnapshotRepository snapshots;
    private final TrainingRunRepository runs;
    private final PartitioningProperties partitioning;

    public TrainService(JobOperator jobOperator, @Qualifier("trainJob") Job trainJob, SnapshotRepository snapshots,
                        TrainingRunRepository runs, PartitioningProperties partitioning) {
        this.jobOperator = jobOperator;
        this.trainJob = trainJob;
        this.snapshots = snapshots;
        this.runs = runs;
        this.partitioning = partitioning;
    }

    /**
     * Checks the inputs before launching: the snapshot exists, the base model folder has a config,
     * the training configuration loads.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public JobExecution train(String snapshotId, Path baseModel, Path configFile) throws Exception {
        return train(snapshotId, baseModel, configFile, null, null);
    }

    /**
     * Trains, and with an eval suite also evaluates the selected adapter against the gate. The
     * candidates train where {@code tunebatch.partitioning.mode} says: here, or on the workers.
     *
     * @param evalSuite  eval suite file, or null to stop after the selection
     * @param launchedBy who launched the training (later refused as its approver)
     */
    public JobExecution train(String snapshotId, Path baseModel, Path configFile, Path evalSuite, String launchedBy)
            throws Exception {
        DatasetSnapshot snapshot = snapshots.find(snapshotId)
                .orElseThrow(() -> new IllegalArgumentException("no snapshot " + snapshotId + "; see `tunebatch snapshot list`"));
        if (!Files.isRegularFile(baseModel.resolve("config.json"))) {
            throw new IllegalArgumentException(baseModel + " is not a Hugging Face model folder (no config.json)");
        }
        try {
            TrainingConfigLoader.load(configFile);
        } catch (TrainingConfigLoader.TrainingConfigException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (evalSuite != null && !Files.isRegularFile(evalSuite)) {
            throw new IllegalArgumentException("no such eval suite: " + evalSuite);
        }
        JobParametersBuilder parameters = new JobParametersBuilder();
        if (evalSuite != null) {
            parameters.addString(EvaluateTasklet.SUITE, evalSuite.toAbsolutePath().normalize().toString())
                    .addString(EvaluateTasklet.LAUNCHED_BY, launchedBy == null ? System.getProperty("user.name") : launchedBy);
        }
        return jobOperator.start(trainJob, parameters
                .addString("snapshot", snapshot.id())
                .addString("snapshotFingerprint", snapshot.fingerprint())
                .addString("baseModel", baseModel.toAbsolutePath().normalize().toString())
                .addString("config", configFile.toAbsolutePath().normalize().toString())
                .addString("launchedAt", Instant.now().toString())
                .addString(TrainJobConfiguration.PARTITIONS_PARAMETER, partitioning.mode().name().toLowerCase(Locale.ROOT), false)
                .toJobParameters());
    }

    public TrainingSummary summarize(JobExecution execution) {
        long instance = execution.getJobInstance().getInstanceId();
        TrainingJobParameters job = TrainingJobParameters.of(execution);
        var context = execution.getExecutionContext();
        Long evalRun = context.containsKey(EvaluateTasklet.EVAL_RUN_KEY) ? context.getLong(EvaluateTasklet.EVAL_RUN_KEY) : null;
        return new TrainingSummary(execution.getId(), instance, execution.getStatus().name(),
                ExitMessages.of(execution), job.snapshotId(),
                job.snapshotFingerprint(), job.baseModel(), runs.runs(instance), runs.selected(instance).orElse(null), evalRun);
    }
}
