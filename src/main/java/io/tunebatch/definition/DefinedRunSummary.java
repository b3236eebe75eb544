package io.tunebatch.definition;

import io.tunebatch.prepare.PrepareSummary;
import io.tunebatch.registry.ModelVersion;
import io.tunebatch.train.TrainingSummary;
import java.util.List;

/**
 * What a run of a job definition did, stage by stage: the output of {@code run --json}. A stage
 * the definition does not have, or that the run did not reach, is null.
 *
 * @param stages     the definition's stages, in order (prepare, train, evaluate, register)
 * @param registered the version the register stage created, in development until an approver promotes it
 */
public record DefinedRunSummary(long jobExecutionId, long jobInstanceId, String job, String definition, String definitionSha256,
                                String status, String exitMessage, List<String> stages, PrepareSummary prepare,
                                TrainingSummary train, Evaluation evaluate, ModelVersion registered) {

    /** The evaluate stage's eval run against the gate; {@code failingCases} names the cases that failed. */
    public record Evaluation(long evalRunId, String suite, int cases, int passed, double passRate, double gate,
                             boolean gatePassed, List<String> failingCases, String report) {
    }
}
