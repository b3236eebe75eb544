package io.tunebatch.definition;

import io.tunebatch.prepare.PrepareSummary;
import io.tunebatch.registry.ModelVersion;
import io.tunebatch.train.TrainingSummary;
import java.util.List;
import java.util.Map;

/**
 * What a run of a job definition did, stage by stage: the output of {@code run --json}. A stage
 * the definition does not have, or that the run did not reach, is null.
 *
 * @param stages     the definition's stages in order (prepare, train, evaluate, register), each with
 *                   its own status across the run's executions: COMPLETED once its last step
 *                   completed, the job's status (FAILED, STOPPED, …) where the run ended, NOT_RUN after it
 * @param prepare    the prepare counts; its {@code status} is the job's
 * @param train      the candidates and the selection; its {@code status} is the job's
 * @param registered the version the register stage created, in development until an approver promotes it
 */
public record DefinedRunSummary(long jobExecutionId, long jobInstanceId, String job, String definition, String definitionSha256,
                                String status, String exitMessage, Map<String, String> stages, PrepareSummary prepare,
                                TrainingSummary train, Evaluation evaluate, ModelVersion registered) {

    public static final String NOT_RUN = "NOT_RUN";

    /** The evaluate stage's eval run against the gate; {@code failingCases} names the cases that failed. */
    public record Evaluation(long evalRunId, String suite, int cases, int passed, double passRate, double gate,
                             boolean gatePassed, List<String> failingCases, String report) {
    }
}
