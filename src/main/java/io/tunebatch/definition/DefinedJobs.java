package io.tunebatch.definition;

import io.tunebatch.canary.CanaryStepConfiguration;
import io.tunebatch.evaluate.EvaluateTasklet;
import io.tunebatch.ingest.IngestStepConfiguration;
import io.tunebatch.ingest.SourceSpec;
import io.tunebatch.ops.JobRebuilder;
import io.tunebatch.partition.PartitioningProperties;
import io.tunebatch.prepare.PrepareJobFactory;
import io.tunebatch.snapshot.DatasetSnapshot;
import io.tunebatch.snapshot.SnapshotRepository;
import io.tunebatch.train.RegisterSelectedTasklet;
import io.tunebatch.train.TrainJobConfiguration;
import io.tunebatch.train.TrainingConfig;
import io.tunebatch.train.TrainingConfigLoader;
import io.tunebatch.validate.ValidateStepConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Launches a job definition as one job instance of a job named after it: the prepare flow (ingest
 * of all its sources in one step, in the order listed → pii-scan → validate → report → snapshot →
 * snapshot-seal), then the train job's steps on the snapshot just sealed (training-snapshot →
 * training-data → train → select-candidate), then evaluate (with the definition's gate), then
 * register (the adapter that passed becomes a development version; promotion stays human). Its job
 * parameters carry everything the steps need (the definition's path and SHA-256, its stages,
 * sources, settings, training configuration, suite, gate and model name), so a restart in another
 * process, or a remote worker, runs exactly what was launched even if the file changed since.
 */
@Service
public class DefinedJobs implements JobRebuilder {

    public static final String DEFINITION = "definition";
    public static final String DEFINITION_SHA256 = "definition.sha256";
    /** The definition's step types run by this job, comma-separated; absent on runs from before train was chained. */
    public static final String STAGES = "definition.stages";

    private final PrepareJobFactory prepareJobs;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final JobRegistry jobRegistry;
    private final SnapshotRepository snapshots;
    private final String defaultReviewPolicy;
    private final Step sealedSnapshot;
    private final List<Step> trainSteps;
    private final Step evaluate;
    private final Step register;
    private final PartitioningProperties partitioning;

    DefinedJobs(PrepareJobFactory prepareJobs, JobRepository jobRepository, JobOperator jobOperator, JobRegistry jobRegistry,
                SnapshotRepository snapshots, @Value("${tunebatch.review.policy:flagged}") String defaultReviewPolicy,
                @Qualifier("sealedSnapshotStep") Step sealedSnapshot, @Qualifier("trainingDataStep") Step trainingData,
                @Qualifier("trainStep") Step train, @Qualifier("selectCandidateStep") Step select,
                @Qualifier("evaluateSelectedStep") Step evaluate, @Qualifier("registerSelectedStep") Step register,
                PartitioningProperties partitioning) {
        this.prepareJobs = prepareJobs;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.jobRegistry = jobRegistry;
        this.snapshots = snapshots;
        this.defaultReviewPolicy = defaultReviewPolicy;
        this.sealedSnapshot = sealedSnapshot;
        this.trainSteps = List.of(trainingData, train, select);
        this.evaluate = evaluate;
        this.register = register;
        this.partitioning = partitioning;
    }

    /**
     * Runs the definition to its end.
     *
     * @param launchedBy who launched it: the trainer of what it registers, never allowed to approve its promotion
     *
     * @throws JobDefinitionException when it has a step or setting this build cannot run, or a
     *                                train/evaluate file it names is missing or invalid
     */
    public JobExecution run(JobDefinition definition, String launchedBy) throws Exception {
        refuseWhatIsNotRun(definition, partitioning.mode());
        List<String> stages = new ArrayList<>();
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("launchedAt", Instant.now().toString())
                .addString(DEFINITION, definition.file().toAbsolutePath().normalize().toString(), false)
                .addString(DEFINITION_SHA256, definition.sha256(), false);
        if (definition.prepare() != null) {
            stages.add("prepare");
            addPrepare(definition.prepare(), parameters);
        }
        Optional<JobDefinition.LaterStep> train = definition.laterStep("train");
        if (train.isPresent()) {
            stages.add("train");
            addTrain(definition, train.get(), parameters);
        }
        Optional<JobDefinition.LaterStep> evaluation = definition.laterStep("evaluate");
        if (evaluation.isPresent()) {
            stages.add("evaluate");
            Path suite = Path.of(evaluation.get().setting("suite"));
            if (!Files.isRegularFile(suite)) {
                throw problem(definition, evaluation.get(), "suite", "no such eval suite file: " + suite);
            }
            parameters.addString(EvaluateTasklet.SUITE, suite.toAbsolutePath().normalize().toString(), false)
                    .addString(EvaluateTasklet.LAUNCHED_BY, launchedBy, false);
            String gate = evaluation.get().setting("gate");
            if (gate != null) {
                parameters.addDouble(EvaluateTasklet.GATE, Double.valueOf(gate), false);
            }
        }
        Optional<JobDefinition.LaterStep> registration = definition.laterStep("register");
        if (registration.isPresent()) {
            stages.add("register");
            parameters.addString(RegisterSelectedTasklet.MODEL, registration.get().setting("model"), false);
        }
        JobParameters launch = parameters.addString(STAGES, String.join(",", stages), false).toJobParameters();
        Job job = create(definition.name(), launch);
        jobRegistry.unregister(job.getName());
        jobRegistry.register(job);
        return jobOperator.start(job, launch);
    }

    @Override
    public Optional<Job> rebuild(JobExecution execution) {
        return execution.getJobParameters().getString(DEFINITION) == null ? Optional.empty()
                : Optional.of(create(execution.getJobInstance().getJobName(), execution.getJobParameters()));
    }

    /** The job's steps, from its parameters alone: the same at launch and at a restart in a new process. */
    private Job create(String name, JobParameters parameters) {
        List<String> stages = stages(parameters);
        List<Step> steps = new ArrayList<>();
        if (stages.contains("train")) {
            if (stages.contains("prepare") && parameters.getString("snapshot") == null) {
                steps.add(sealedSnapshot);
            }
            steps.addAll(trainSteps);
        }
        if (stages.contains("evaluate")) {
            steps.add(evaluate);
        }
        if (stages.contains("register")) {
            steps.add(register);
        }
        if (stages.contains("prepare")) {
            return prepareJobs.create(name, steps);
        }
        SimpleJobBuilder job = new JobBuilder(name, jobRepository).start(steps.get(0));
        steps.subList(1, steps.size()).forEach(job::next);
        return job.build();
    }

    /** The definition's stages a job execution runs, from its parameters. */
    static List<String> stages(JobParameters parameters) {
        String stageList = parameters.getString(STAGES);
        return stageList == null ? List.of("prepare") : List.of(stageList.split(","));
    }

    private void addPrepare(PrepareDefinition prepare, JobParametersBuilder parameters) {
        parameters.addString(SourceSpec.JOB_PARAMETER, SourceSpec.toJson(prepare.sources()), false)
                .addString(ValidateStepConfiguration.REVIEW_POLICY_PARAMETER,
                        prepare.reviewPolicy() != null ? prepare.reviewPolicy() : defaultReviewPolicy, false);
        if (prepare.skipLimit() != null) {
            parameters.addLong(IngestStepConfiguration.SKIP_LIMIT_PARAMETER, prepare.skipLimit(), false);
        }
        if (prepare.minOutputWords() != null) {
            parameters.addLong(ValidateStepConfiguration.MIN_OUTPUT_WORDS_PARAMETER, (long) prepare.minOutputWords(), false);
        }
        if (prepare.maxChars() != null) {
            parameters.addLong(ValidateStepConfiguration.MAX_CHARS_PARAMETER, (long) prepare.maxChars(), false);
        }
        if (prepare.canaries() != null && prepare.canaries() > 0) {
            parameters.addLong(CanaryStepConfiguration.PARAMETER, (long) prepare.canaries(), false);
        }
        prepare.pii().addTo(parameters);
    }

    /**
     * The train job's parameters. The snapshot is one only when the step names it: otherwise the
     * training-snapshot step puts the one prepare sealed into the job's context.
     */
    private void addTrain(JobDefinition definition, JobDefinition.LaterStep train, JobParametersBuilder parameters) {
        Path configFile = Path.of(train.setting("config"));
        TrainingConfig config;
        try {
            config = TrainingConfigLoader.load(configFile);
        } catch (TrainingConfigLoader.TrainingConfigException e) {
            throw problem(definition, train, "config", e.getMessage());
        }
        String base = train.setting("base") != null ? train.setting("base") : config.baseModel();
        if (base == null || !Files.isRegularFile(Path.of(base).resolve("config.json"))) {
            throw problem(definition, train, "base", base == null ? "no base model: set 'base' here or base_model in " + configFile
                    : base + " is not a Hugging Face model folder (no config.json)");
        }
        String partitions = train.setting("partitions") != null ? train.setting("partitions")
                : partitioning.mode().name().toLowerCase(Locale.ROOT);
        parameters.addString(TrainJobConfiguration.PARTITIONS_PARAMETER, partitions, false)
                .addString("config", configFile.toAbsolutePath().normalize().toString(), false)
                .addString(EvaluateTasklet.BASE_MODEL, Path.of(base).toAbsolutePath().normalize().toString(), false);
        String snapshotId = train.setting("snapshot");
        if (snapshotId != null) {
            DatasetSnapshot snapshot = snapshots.find(snapshotId).orElseThrow(() ->
                    problem(definition, train, "snapshot", "no snapshot " + snapshotId + "; see `tunebatch snapshot list`"));
            parameters.addString("snapshot", snapshot.id(), false)
                    .addString("snapshotFingerprint", snapshot.fingerprint(), false);
        }
    }

    /**
     * Refuses, before anything runs, what a run would not do as written: remote train partitions
     * from a process that has no partition channel to hand them to the workers.
     */
    private static void refuseWhatIsNotRun(JobDefinition definition, PartitioningProperties.Mode mode) {
        List<String> problems = new ArrayList<>();
        for (JobDefinition.LaterStep step : definition.laterSteps()) {
            if ("remote".equals(step.setting("partitions")) && mode != PartitioningProperties.Mode.REMOTE) {
                problems.add(step.locate(definition.file(), "partitions") + ": remote training partitions need "
                        + "tunebatch.partitioning.mode=remote in the process that runs the job (TUNEBATCH_PARTITIONING_MODE=remote), "
                        + "and worker processes running; nothing was started. Set it, or remove 'partitions: remote' to train here");
            }
        }
        if (!problems.isEmpty()) {
            throw new JobDefinitionException(problems);
        }
    }

    private static JobDefinitionException problem(JobDefinition definition, JobDefinition.LaterStep step, String field,
                                                  String message) {
        return new JobDefinitionException(List.of(step.locate(definition.file(), field) + ": " + message
                + "; nothing was started"));
    }
}
