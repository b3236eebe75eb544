package io.tunebatch.definition;

import io.tunebatch.evaluate.EvalRunRepository;
import io.tunebatch.ops.ExitMessages;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.registry.ModelRegistry;
import io.tunebatch.train.RegisterSelectedTasklet;
import io.tunebatch.train.TrainService;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Service;

/** Reads back what a run of a job definition did, across its restarts, from each stage's own records. */
@Service
public class DefinedRunSummaries {

    private final PrepareService prepare;
    private final TrainService train;
    private final EvalRunRepository evalRuns;
    private final ModelRegistry registry;

    DefinedRunSummaries(PrepareService prepare, TrainService train, EvalRunRepository evalRuns, ModelRegistry registry) {
        this.prepare = prepare;
        this.train = train;
        this.evalRuns = evalRuns;
        this.registry = registry;
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
                execution.getStatus().name(), ExitMessages.of(execution), stages,
                stages.contains("prepare") ? prepare.summarize(execution) : null,
                stages.contains("train") ? train.summarize(execution) : null,
                evaluation,
                model == null || evaluation == null ? null : registry.registeredOn(model, evaluation.evalRunId()).orElse(null));
    }
}
