package io.tunebatch.registry;

import io.tunebatch.audit.CurrentTask;
import io.tunebatch.audit.GovernanceTransactions;
import io.tunebatch.evaluate.CaseResult;
import io.tunebatch.evaluate.EvalSubject;
import io.tunebatch.evaluate.EvalSuite;
import io.tunebatch.evaluate.EvaluationService;
import io.tunebatch.evaluate.PairedStatistics;
import io.tunebatch.evaluate.PairedStatistics.Interval;
import io.tunebatch.evaluate.StoredEvaluation;
import io.tunebatch.evaluate.TextGenerator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A/B comparison of two versions on the same suite: both are evaluated (two stored eval runs
 * linked to their versions), then compared case by case; McNemar's exact test on the paired
 * pass/fail and a seeded bootstrap interval of the mean score difference (B − A) are stored in
 * {@code ab_comparison}.
 */
@Service
public class ModelComparison {

    private final EvaluationService evaluation;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final CurrentTask task;

    public ModelComparison(EvaluationService evaluation, JdbcClient jdbc,
                           @Qualifier(GovernanceTransactions.BEAN) TransactionOperations transactions, CurrentTask task) {
        this.evaluation = evaluation;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.task = task;
    }

    /** How one case went for each version; {@code sameOutput} when both produced identical text. */
    public record CaseDifference(String caseName, double scoreA, double scoreB, boolean passedA, boolean passedB,
                                 double difference, boolean sameOutput) {
    }

    public record Comparison(long id, String versionA, String versionB, long evalRunA, long evalRunB, int caseCount,
                             double passRateA, double passRateB, int onlyAPassed, int onlyBPassed, double mcNemarP,
                             Interval meanScoreDifference, List<CaseDifference> cases) {
    }

    public record Settings(int bootstrapSamples, long seed, double level) {
        public static final Settings DEFAULT = new Settings(10_000, 42L, 0.95);
    }

    public Comparison compare(ModelVersion a, ModelVersion b, EvalSuite suite, TextGenerator generatorA, TextGenerator generatorB,
                              String comparedBy, Settings settings) {
        StoredEvaluation runA = evaluation.evaluate(suite, subject(a), generatorA, comparedBy, null);
        StoredEvaluation runB = evaluation.evaluate(suite, subject(b), generatorB, comparedBy, null);
        List<CaseResult> resultsA = runA.report().results();
        List<CaseResult> resultsB = runB.report().results();
        List<CaseDifference> cases = new ArrayList<>();
        double[] differences = new double[resultsA.size()];
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < resultsA.size(); i++) {
            CaseResult caseA = resultsA.get(i);
            CaseResult caseB = resultsB.get(i);
            differences[i] = caseB.score() - caseA.score();
            onlyA += caseA.passed() && !caseB.passed() ? 1 : 0;
            onlyB += caseB.passed() && !caseA.passed() ? 1 : 0;
            cases.add(new CaseDifference(caseA.name(), caseA.score(), caseB.score(), caseA.passed(), caseB.passed(),
                    differences[i], caseA.outputSha256().equals(caseB.outputSha256())));
        }
        double p = PairedStatistics.mcNemarExactP(onlyA, onlyB);
        Interval interval = PairedStatistics.bootstrapMean(differences, settings.bootstrapSamples(), settings.seed(), settings.level());
        long id = store(a, b, runA, runB, suite, onlyA, onlyB, p, interval, comparedBy);
        return new Comparison(id, a.ref(), b.ref(), runA.evalRunId(), runB.evalRunId(), cases.size(), runA.report().passRate(),
                runB.report().passRate(), onlyA, onlyB, p, interval, cases);
    }

    private long store(ModelVersion a, ModelVersion b, StoredEvaluation runA, StoredEvaluation runB, EvalSuite suite, int onlyA,
                       int onlyB, double p, Interval interval, String comparedBy) {
        return transactions.execute(status -> {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO ab_comparison (version_a_id, version_b_id, eval_run_a_id, eval_run_b_id, suite_sha256, case_count, "
                            + "pass_rate_a, pass_rate_b, only_a_passed, only_b_passed, mcnemar_p_value, mean_score_diff, ci_low, "
                            + "ci_high, ci_level, bootstrap_samples, bootstrap_seed, compared_by, compared_at, task_execution_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(a.id(), b.id(), runA.evalRunId(), runB.evalRunId(), suite.sha256(), runA.report().caseCount(),
                            runA.report().passRate(), runB.report().passRate(), onlyA, onlyB, p, interval.mean(), interval.low(),
                            interval.high(), interval.level(), interval.samples(), interval.seed(), comparedBy,
                            OffsetDateTime.now(ZoneOffset.UTC), task.executionId().orElse(null))
                    .update(keys, "id");
            return keys.getKeyAs(Number.class).longValue();
        });
    }

    private static EvalSubject subject(ModelVersion version) {
        return new EvalSubject("model " + version.ref(), version.baseModel(), version.adapterSha256(), version.id());
    }
}
