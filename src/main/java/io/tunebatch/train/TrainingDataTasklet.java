package io.tunebatch.train;

import io.tunebatch.snapshot.DatasetSnapshot;
import io.tunebatch.snapshot.SnapshotExporter;
import io.tunebatch.snapshot.SnapshotRepository;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Exports the snapshot the trainer receives and splits it into training and held-out examples.
 * The split is by content hash (an example is held out when the first 16 bits of its hash fall
 * under the fraction), so it is the same on every run and every machine.
 */
final class TrainingDataTasklet implements Tasklet {

    private final SnapshotRepository snapshots;
    private final SnapshotExporter exporter;
    private final java.nio.file.Path dataDir;

    TrainingDataTasklet(SnapshotRepository snapshots, SnapshotExporter exporter, java.nio.file.Path dataDir) {
        this.snapshots = snapshots;
        this.exporter = exporter;
        this.dataDir = dataDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        TrainingJobParameters job = TrainingJobParameters.of(step.getJobExecution());
        DatasetSnapshot snapshot = snapshots.find(job.snapshotId())
                .orElseThrow(() -> new IllegalStateException("snapshot " + job.snapshotId() + " does not exist"));
        if (!snapshot.fingerprint().equals(job.snapshotFingerprint())) {
            throw new IllegalStateException("snapshot " + snapshot.id() + " fingerprint changed since launch");
        }
        TrainingWorkspace workspace = TrainingWorkspace.of(dataDir, step.getJobExecution().getJobInstance().getInstanceId());
        // This step runs once per job instance (a restart skips it), so anything already here is
        // stale, e.g. from a database that was reset: never resume from someone else's checkpoints.
        workspace.clear();
        Files.createDirectories(workspace.root());
        exporter.export(snapshot, workspace.snapshotFile());
        double fraction = job.config().heldOutFraction();
        List<String> lines = Files.readAllLines(workspace.snapshotFile(), StandardCharsets.UTF_8);
        int heldOut = 0;
        try (BufferedWriter train = Files.newBufferedWriter(workspace.trainFile(), StandardCharsets.UTF_8);
             BufferedWriter held = Files.newBufferedWriter(workspace.heldOutFile(), StandardCharsets.UTF_8)) {
            for (String line : lines) {
                String hash = TrainingWorker.JSON.readTree(line).get("content_hash").asString();
                boolean holdOut = Integer.parseInt(hash.substring(0, 4), 16) < fraction * 65536;
                (holdOut ? held : train).write(line + "\n");
                heldOut += holdOut ? 1 : 0;
            }
        }
        if (lines.size() - heldOut == 0) {
            throw new IllegalStateException("snapshot " + snapshot.id() + " leaves no training examples after holding out "
                    + heldOut + "; lower held_out_fraction or prepare more data");
        }
        step.getExecutionContext().putInt("train.examples", lines.size() - heldOut);
        step.getExecutionContext().putInt("train.heldOut", heldOut);
        return RepeatStatus.FINISHED;
    }
}
