package io.tunebatch.registry;

import io.tunebatch.evaluate.EvalRunRepository.EvalRun;
import io.tunebatch.registry.RegistryRepository.Approval;
import io.tunebatch.registry.RegistryRepository.SnapshotInfo;
import java.util.List;
import java.util.Map;

/**
 * What a model card says about a version: where it came from, what data made it (counts and
 * PII statistics, never examples), how it was tuned, how it did in evaluation and who approved it.
 *
 * @param hyperparameters the training side's JSON object (chosen values and selection evidence)
 */
public record ModelCard(String model, int version, String stage, String baseModel, String adapterSha256,
                        String trainedBy, Long trainingJobExecutionId, String registeredBy, String registeredAt,
                        SnapshotInfo snapshot, Map<String, Long> piiFindingsByType, Object hyperparameters,
                        Evaluation evaluation, List<Approval> approvals) {

    public record Evaluation(long evalRunId, String suiteName, String suiteSha256, int caseCount, int passedCount,
                             double passRate, double gateThreshold, List<String> failingCases, String reportJson,
                             String reportHtml, String reportSha256) {

        static Evaluation of(EvalRun run, List<String> failingCases) {
            return new Evaluation(run.id(), run.suiteName(), run.suiteSha256(), run.caseCount(), run.passedCount(),
                    run.passRate(), run.gateThreshold(), failingCases, run.reportJsonPath(), run.reportHtmlPath(),
                    run.reportSha256());
        }
    }
}
