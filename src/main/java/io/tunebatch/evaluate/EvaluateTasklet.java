package io.tunebatch.evaluate;

import java.nio.file.Path;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The evaluate step after training. Evaluates the base model (job parameter {@value #BASE_MODEL})
 * with the adapter an earlier step put into the job's execution context ({@value #ADAPTER_KEY}; the
 * base model alone when absent) on the suite named by job parameter {@value #SUITE} against the gate
 * (raised, never lowered, by job parameter {@value #GATE} when given), stores the run
 * linked to this job execution, records its id in the job context ({@value #EVAL_RUN_KEY}, for the
 * register step) and fails the step, naming the failing cases, when the gate is not met.
 */
public final class EvaluateTasklet implements Tasklet {

    public static final String BASE_MODEL = "baseModel";
    public static final String SUITE = "evalSuite";
    /** Who launched the training: recorded as the evaluator and later refused as approver. */
    public static final String LAUNCHED_BY = "launchedBy";
    /** A job definition's per-run gate (pass rate); absent: the configured and the suite's gate alone. */
    public static final String GATE = "evaluate.gate";
    public static final String ADAPTER_KEY = "evaluate.adapter";
    public static final String EVAL_RUN_KEY = "evaluate.evalRunId";
    /**
     * The snapshot trained on, for suites with {@code canaries: snapshot}: the job context's (put
     * there by the training-snapshot step after prepare) or else the job parameter's, as training reads it.
     */
    public static final String SNAPSHOT = "snapshot";

    private final EvaluationService evaluation;
    private final TextGeneratorFactory models;

    public EvaluateTasklet(EvaluationService evaluation, TextGeneratorFactory models) {
        this.evaluation = evaluation;
        this.models = models;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        JobParameters parameters = job.getJobParameters();
        Path base = Path.of(required(parameters, BASE_MODEL));
        EvalSuite suite = evaluation.loadSuite(Path.of(required(parameters, SUITE)));
        ExecutionContext context = job.getExecutionContext();
        Path adapter = context.containsKey(ADAPTER_KEY) ? Path.of(context.getString(ADAPTER_KEY)) : null;
        String launchedBy = parameters.getString(LAUNCHED_BY) == null ? System.getProperty("user.name") : parameters.getString(LAUNCHED_BY);
        EvalSubject subject = new EvalSubject("base=" + base + (adapter == null ? "" : " adapter=" + adapter), base.toString(),
                adapter == null ? null : AdapterHash.of(adapter), null);
        Double runGate = parameters.getDouble(GATE);
        String snapshot = context.containsKey(SNAPSHOT) ? context.getString(SNAPSHOT) : parameters.getString(SNAPSHOT);
        StoredEvaluation stored = evaluation.evaluate(suite, subject, models.open(base, adapter), launchedBy, job.getId(),
                runGate == null ? 0.0 : runGate, snapshot);
        context.putLong(EVAL_RUN_KEY, stored.evalRunId());
        stored.requireGatePassed();
        return RepeatStatus.FINISHED;
    }

    private static String required(JobParameters parameters, String name) {
        String value = parameters.getString(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the evaluate step needs job parameter '" + name + "'");
        }
        return value;
    }
}
