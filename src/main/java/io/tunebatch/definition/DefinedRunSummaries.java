package io.tunebatch.definition;

import io.tunebatch.evaluate.EvalRunRepository;
import io.tunebatch.ops.ExitMessages;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.registry.ModelRegistry;
import io.tunebatch.snapshot.SnapshotStepConfiguration;
import io.tunebatch.train.RegisterSelectedTasklet;
import io.tunebatch.train.TrainService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/** Reads back what a run of a job definition did, across its restarts, from each stage's own records. */
@Service
public class DefinedRunSummaries {

    /** The step each stage ends with: the stage is done when it completed. */
    private static final Map<String, String> LAST_STEP = Map.of("prepare", SnapshotStepConfiguration.SEAL_STEP_NAME,
            "train", "select-candidate", "evaluate", "evaluate", "register", "register");

    private final PrepareService prepare;
    private final TrainService train;
    private final EvalRunRepository evalRuns;
    private final ModelRegistry registry;
    private final JobRepository jobRepository;

    DefinedRunSummaries(PrepareService prepare, TrainService train, EvalRunRepository evalRuns, ModelRegistry registry,
                        JobRepository jobRepository) {
        this.prepare = prepare;
        this.train = train;
        this.evalRuns = evalRuns;
        this.registry = registry;
        this.jobRepository = jobRepository;
    }

    public DefinedRunSummary summarize(JobExecution execution) {
        JobParameters parameters = execution.getJobParameters();
        List<String> stages = DefinedJobs.stages(parameters);
        long instance = execution.getJobInstance().getInstanceId();
        DefinedRunSummary.Evaluation evaluation = !stages.contains("evaluate") ? null
                : evalRuns.latestOfJobInstance(instance).map(run -> new DefinedRunSummary.Evaluation(run.id(), run.suiteName(),
                        run.caseCount(), run.passedCount(), run.passRate(), run.gateThreshold(), run.gatePassed(),
                        evalRuns.failingCases(run.id()), run.reportHtmlPath())).orElse(null);
        String model = parameters.getString(RegisterSelectedTasklet.MODEL);
        return new DefinedRunSummary(execution.getId(), instance, execution.getJobInstance().getJobName(),
                parameters.getString(DefinedJobs.DEFINITION), parameters.getString(DefinedJobs.DEFINITION_SHA256),
                execution.getStatus().name(), ExitMessages.of(execution), stageStatuses(execution, stages),
                stages.contains("prepare") ? prepare.summarize(execution) : null,
                stages.contains("train") ? train.summarize(execution) : null,
                evaluation,
                model == null || evaluation == null ? null : registry.registeredOn(model, evaluation.evalRunId()).orElse(null));
    }

    /** Completed stages, then the one where the run ended with the job's status, then the ones it did not reach. */
    private Map<String, String> stageStatuses(JobExecution execution, List<String> stages) {
        Map<String, String> statuses = new LinkedHashMap<>();
        boolean ended = false;
        for (String stage : stages) {
            StepExecution last = jobRepository.getLastStepExecution(execution.getJobInstance(), LAST_STEP.get(stage));
            boolean completed = last != null && last.getStatus() == BatchStatus.COMPLETED;
            statuses.put(stage, completed ? BatchStatus.COMPLETED.name() : ended ? DefinedRunSummary.NOT_RUN : execution.getStatus().name());
            ended |= !completed;
        }
        return statuses;
    }
}
