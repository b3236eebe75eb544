package io.tunebatch.definition;

import io.tunebatch.ingest.IngestStepConfiguration;
import io.tunebatch.ingest.SourceSpec;
import io.tunebatch.ops.JobRebuilder;
import io.tunebatch.prepare.PrepareJobFactory;
import io.tunebatch.validate.ValidateStepConfiguration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Launches a job definition as one job instance of a job named after it, with the prepare flow
 * (ingest of all its sources in one step, in the order listed → pii-scan → validate → report →
 * snapshot). Its job parameters carry everything the steps need (the definition's path and
 * SHA-256, its sources and settings), so a restart in another process, or a remote worker, runs
 * exactly what was launched even if the file changed since.
 */
@Service
public class DefinedJobs implements JobRebuilder {

    public static final String DEFINITION = "definition";
    public static final String DEFINITION_SHA256 = "definition.sha256";

    private final PrepareJobFactory prepareJobs;
    private final JobOperator jobOperator;
    private final JobRegistry jobRegistry;
    private final String defaultReviewPolicy;

    DefinedJobs(PrepareJobFactory prepareJobs, JobOperator jobOperator, JobRegistry jobRegistry,
                @Value("${tunebatch.review.policy:flagged}") String defaultReviewPolicy) {
        this.prepareJobs = prepareJobs;
        this.jobOperator = jobOperator;
        this.jobRegistry = jobRegistry;
        this.defaultReviewPolicy = defaultReviewPolicy;
    }

    /**
     * Runs the definition to its end.
     *
     * @throws JobDefinitionException when it has a step whose stage this build does not have
     */
    public JobExecution run(JobDefinition definition) throws Exception {
        refuseStagesNotBuilt(definition);
        Job job = prepareJobs.create(definition.name());
        jobRegistry.unregister(job.getName());
        jobRegistry.register(job);
        PrepareDefinition prepare = definition.prepare();
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("launchedAt", Instant.now().toString())
                .addString(DEFINITION, definition.file().toAbsolutePath().normalize().toString(), false)
                .addString(DEFINITION_SHA256, definition.sha256(), false)
                .addString(SourceSpec.JOB_PARAMETER, SourceSpec.toJson(prepare.sources()), false)
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
        prepare.pii().addTo(parameters);
        return jobOperator.start(job, parameters.toJobParameters());
    }

    @Override
    public Optional<Job> rebuild(JobExecution execution) {
        return execution.getJobParameters().getString(DEFINITION) == null ? Optional.empty()
                : Optional.of(prepareJobs.create(execution.getJobInstance().getJobName()));
    }

    /**
     * {@code run} chains only the prepare flow so far; training (with evaluation) runs through
     * {@code tunebatch train} and registration through {@code tunebatch model register}. Refuse
     * before anything runs rather than do part of a definition.
     */
    private static void refuseStagesNotBuilt(JobDefinition definition) {
        if (definition.laterSteps().isEmpty()) {
            return;
        }
        throw new JobDefinitionException(definition.laterSteps().stream()
                .map(step -> definition.file() + ":" + step.line() + ": steps[" + step.index() + "].type: the '" + step.type()
                        + "' step cannot be chained by `run` yet; nothing was started. Run the prepare part from a definition "
                        + "without it, then `tunebatch train --snapshot ID --base DIR --config FILE [--suite FILE]` and "
                        + "`tunebatch model register`")
                .toList());
    }
}
