package io.tunebatch.train;

import io.tunebatch.evaluate.EvaluateTasklet;
import io.tunebatch.registry.ModelRegistry;
import io.tunebatch.registry.ModelVersion;
import io.tunebatch.registry.RegistrationRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The register step after evaluate: the adapter the evaluate step passed becomes the next
 * development version of the model named by job parameter {@value #MODEL}, through the registry
 * (which checks the gate again, writes the model card and mirrors to MLflow when configured). Its
 * lineage: the snapshot trained on, the job execution whose train step trained it, the candidates
 * and the selection criterion as hyper-parameters. A restart after the version was written finds it
 * and registers nothing twice. Promotion stays a human decision ({@code model promote}).
 */
public final class RegisterSelectedTasklet implements Tasklet {

    public static final String MODEL = "register.model";
    /** The registered version, NAME:VERSION, in the job's execution context. */
    public static final String VERSION_KEY = "register.modelVersion";

    private static final Logger log = LoggerFactory.getLogger(RegisterSelectedTasklet.class);

    private final ModelRegistry registry;
    private final TrainingRunRepository runs;
    private final JobRepository jobRepository;

    RegisterSelectedTasklet(ModelRegistry registry, TrainingRunRepository runs, JobRepository jobRepository) {
        this.registry = registry;
        this.runs = runs;
        this.jobRepository = jobRepository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        JobParameters parameters = job.getJobParameters();
        ExecutionContext context = job.getExecutionContext();
        String model = parameters.getString(MODEL);
        if (model == null || !context.containsKey(EvaluateTasklet.EVAL_RUN_KEY) || !context.containsKey(EvaluateTasklet.ADAPTER_KEY)) {
            throw new IllegalStateException("the register step needs job parameter '" + MODEL
                    + "' and the adapter and eval run of the evaluate step before it");
        }
        long evalRun = context.getLong(EvaluateTasklet.EVAL_RUN_KEY);
        ModelVersion version = registry.registeredOn(model, evalRun).orElseGet(() -> register(job, model, evalRun));
        context.putString(VERSION_KEY, version.ref());
        log.info("registered the selected adapter as {} in development; promotion needs an approver (`model promote`)",
                version.ref());
        return RepeatStatus.FINISHED;
    }

    private ModelVersion register(JobExecution job, String model, long evalRun) {
        long instance = job.getJobInstance().getInstanceId();
        TrainingJobParameters training = TrainingJobParameters.of(job);
        TrainingRunRepository.RunView selected = runs.selected(instance).orElseThrow(() -> new IllegalStateException(
                "job instance " + instance + " selected no training candidate; nothing to register"));
        StepExecution trained = jobRepository.getLastStepExecution(job.getJobInstance(), "train");
        String launchedBy = job.getJobParameters().getString(EvaluateTasklet.LAUNCHED_BY, System.getProperty("user.name"));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("training_config", training.configFile());
        evidence.put("criterion", "lowest held-out loss");
        evidence.put("selected", selected);
        evidence.put("settings", TrainingWorker.JSON.readTree(runs.settingsJson(selected.id())));
        evidence.put("candidates", runs.runs(instance));
        return registry.register(new RegistrationRequest(model, training.baseModel(),
                Path.of(job.getExecutionContext().getString(EvaluateTasklet.ADAPTER_KEY)), training.snapshotId(),
                trained == null ? null : trained.getJobExecutionId(), launchedBy, evalRun,
                TrainingWorker.JSON.writeValueAsString(evidence), launchedBy));
    }
}
