package io.tunebatch.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.JsonNode;

/**
 * Trains one candidate in a child JVM and follows it. Each call waits briefly, records the new
 * per-step metrics and the last checkpoint in the partition's step context, and commits; so the
 * job repository always knows how far training got, and a manager waiting for a remote worker
 * sees it alive. After a crash, {@code jobs restart} runs this again on the same folder and the
 * child resumes from its last checkpoint. In this process or on a worker alike, the folder is
 * under {@code tunebatch.data-dir}, which every process of a run must see at the same path.
 */
class CandidateTrainingTasklet implements Tasklet, StepExecutionListener {

    static final String RUN_ID = "train.run.id";
    static final String METRICS_OFFSET = "train.metrics.offset";
    static final String CHECKPOINT_STEP = "train.checkpoint.step";
    /** The tracker's run of this partition, so that a restart continues it. */
    static final String TRACKED_RUN_ID = "train.tracked.run.id";
    /** The last step sent to the tracker: steps repeated after a resume are not sent twice. */
    static final String TRACKED_STEP = "train.tracked.step";

    private static final Logger log = LoggerFactory.getLogger(CandidateTrainingTasklet.class);

    private final TrainingRunRepository runs;
    private final TrainingWorkspace workspace;
    private final TrainingTracker tracker;
    private final DeviceAssignments devices;
    private final String childHeap;
    private final long pollMillis;
    private Process child;
    private String device;

    CandidateTrainingTasklet(TrainingRunRepository runs, TrainingWorkspace workspace, TrainingTracker tracker,
                             DeviceAssignments devices, String childHeap, long pollMillis) {
        this.runs = runs;
        this.workspace = workspace;
        this.tracker = tracker;
        this.devices = devices;
        this.childHeap = childHeap;
        this.pollMillis = pollMillis;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        String partition = step.getStepName().substring(step.getStepName().indexOf(':') + 1);
        TrainingJobParameters job = TrainingJobParameters.of(step.getJobExecution());
        TrainingConfig.Candidate candidate = CandidatePartitioner.candidate(context);
        Path dir = workspace.partition(partition);
        if (child == null) {
            start(step, context, partition, job, candidate, dir);
        }
        boolean exited = child.waitFor(pollMillis, TimeUnit.MILLISECONDS);
        recordProgress(context, dir);
        if (!exited) {
            return RepeatStatus.CONTINUABLE;
        }
        long runId = context.getLong(RUN_ID);
        if (child.exitValue() != 0) {
            runs.fail(runId);
            tracker.fail(context.getString(TRACKED_RUN_ID, null));
            throw new IllegalStateException("training of " + partition + " failed: its process exited with code "
                    + child.exitValue() + "; see " + dir.resolve("train.log")
                    + ". Fix the cause, then restart the job: it resumes from checkpoint step "
                    + context.getInt(CHECKPOINT_STEP, 0));
        }
        PartitionResult result = TrainingWorker.JSON.readValue(dir.resolve("result.json").toFile(), PartitionResult.class);
        String adapterSha256 = sha256(Path.of(result.adapterDirectory()).resolve("adapter_model.safetensors"));
        runs.complete(runId, result, adapterSha256);
        tracker.finish(context.getString(TRACKED_RUN_ID, null), result, adapterSha256);
        log.info("{}: {} steps, held-out loss {}, {} tokens/s", partition, result.steps(), result.heldOutLoss(),
                Math.round(result.tokensPerSecond()));
        return RepeatStatus.FINISHED;
    }

    private void start(StepExecution step, ExecutionContext context, String partition, TrainingJobParameters job,
                       TrainingConfig.Candidate candidate, Path dir) throws IOException {
        requireShared(workspace.trainFile(), "the training examples the training-data step exported");
        requireShared(Path.of(job.baseModel()).resolve("config.json"), "the base model");
        Files.createDirectories(dir);
        device = devices.take(context.getString(CandidatePartitioner.DEVICES));
        context.putString(CandidatePartitioner.DEVICE, device);
        int trainCount = lineCount(workspace.trainFile());
        int heldOutCount = lineCount(workspace.heldOutFile());
        String settingsJson = TrainingWorker.JSON.writeValueAsString(candidate.settings());
        long runId = runs.startOrResume(step.getJobExecution().getJobInstance().getInstanceId(),
                step.getJobExecutionId(), partition, job, candidate, device, settingsJson, trainCount, heldOutCount);
        context.putLong(RUN_ID, runId);
        String trackedRunId = tracker.start(context.getString(TRACKED_RUN_ID, null), new TrainingTracker.TrackedPartition(
                context.getString(CandidatePartitioner.CONFIG_NAME), partition, job, candidate.settings(), device,
                step.getJobExecution().getJobInstance().getInstanceId(), step.getJobExecutionId()));
        if (trackedRunId != null) {
            context.putString(TRACKED_RUN_ID, trackedRunId);
        }
        Path request = dir.resolve("request.json");
        TrainingWorker.JSON.writeValue(request.toFile(), new PartitionRequest(job.baseModel(), device,
                workspace.trainFile().toString(), workspace.heldOutFile().toString(), candidate.settings(), dir.toString()));
        Files.deleteIfExists(dir.resolve("result.json"));
        log.info("{}: training on {} ({} examples, {} held out), resuming from checkpoint step {}", partition, device,
                trainCount, heldOutCount, context.getInt(CHECKPOINT_STEP, 0));
        child = new ProcessBuilder(ChildJvm.command(TrainingWorker.class, childHeap, List.of(request.toString())))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("train.log").toFile()))
                .start();
    }

    /** A file another process of this run wrote, or the step fails saying what is not shared. */
    private static void requireShared(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("cannot see " + what + " at " + file + ": every process of a train run (the one "
                    + "running the job and each worker) must see the same files at the same paths: tunebatch.data-dir holds the "
                    + "training workspace, and the base model folder is the path given at launch (Kubernetes: the "
                    + "PersistentVolumeClaim tunebatch-data at /data in every pod, base models under /data/models/)");
        }
    }

    /** Reads the metric lines the child appended since the last call. */
    private void recordProgress(ExecutionContext context, Path dir) throws IOException {
        Path metrics = dir.resolve("metrics.jsonl");
        if (!Files.exists(metrics)) {
            return;
        }
        long offset = context.getLong(METRICS_OFFSET, 0L);
        try (RandomAccessFile file = new RandomAccessFile(metrics.toFile(), "r")) {
            if (file.length() <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) (file.length() - offset)];
            file.seek(offset);
            file.readFully(bytes);
            int complete = lastNewline(bytes) + 1;
            List<Map<String, Object>> steps = new ArrayList<>();
            for (String line : new String(bytes, 0, complete, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    record(context, TrainingWorker.JSON.readTree(line)).ifPresent(steps::add);
                }
            }
            long tracked = context.getLong(TRACKED_STEP, 0L);
            List<Map<String, Object>> untracked = steps.stream()
                    .filter(values -> ((Number) values.get("step")).longValue() > tracked).toList();
            if (!untracked.isEmpty()) {
                tracker.logSteps(context.getString(TRACKED_RUN_ID, null), untracked);
                context.putLong(TRACKED_STEP, ((Number) untracked.get(untracked.size() - 1).get("step")).longValue());
            }
            context.putLong(METRICS_OFFSET, offset + complete);
        }
    }

    /** Records one metrics line; returns a step's figures, empty for a checkpoint. */
    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> record(ExecutionContext context, JsonNode line) {
        if (line.get("type").asString().equals("checkpoint")) {
            context.putInt(CHECKPOINT_STEP, line.get("step").asInt());
            return Optional.empty();
        }
        Map<String, Object> values = TrainingWorker.JSON.convertValue(line, Map.class);
        values.remove("type");
        runs.saveMetric(context.getLong(RUN_ID), values);
        return Optional.of(values);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        if (device != null) {
            devices.release(device);
        }
        return null;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int lineCount(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return (int) lines.filter(l -> !l.isBlank()).count();
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
