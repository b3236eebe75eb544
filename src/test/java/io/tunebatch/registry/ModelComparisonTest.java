package io.tunebatch.registry;

import static io.tunebatch.support.SupportAnswers.BASE;
import static io.tunebatch.support.SupportAnswers.TUNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunebatch.audit.CurrentTask;
import io.tunebatch.evaluate.AdapterHash;
import io.tunebatch.evaluate.EvalSubject;
import io.tunebatch.evaluate.EvalSuite;
import io.tunebatch.support.EmailPiiDetector;
import io.tunebatch.support.Governance;
import io.tunebatch.support.SupportAnswers;
import io.tunebatch.support.TestDatabases.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ModelComparisonTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.tunebatch.support.TestDatabases#both")
    void comparesTwoVersionsCaseByCaseAndStoresTheStatistics(Database database) throws IOException {
        Governance governance = new Governance(database.dataSource(), dir, new EmailPiiDetector(), null);
        EvalSuite suite = governance.evaluation.loadSuite(SupportAnswers.SUITE);
        ModelVersion a = register(governance, suite, "a1");
        ModelVersion b = register(governance, suite, "a2");
        ModelComparison comparison = new ModelComparison(governance.evaluation, governance.jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())), new CurrentTask());

        ModelComparison.Comparison result = comparison.compare(a, b, suite, BASE::get, TUNED::get, "erin",
                new ModelComparison.Settings(2_000, 11L, 0.95));

        assertThat(result.passRateA()).isEqualTo(0.2);
        assertThat(result.passRateB()).isEqualTo(1.0);
        assertThat(result.onlyAPassed()).isZero();
        assertThat(result.onlyBPassed()).isEqualTo(4);
        assertThat(result.mcNemarP()).isCloseTo(0.125, within(1e-12));
        assertThat(result.cases()).extracting(ModelComparison.CaseDifference::caseName)
                .containsExactly("capital-exact", "refund-window", "no-credentials", "ticket-json", "ticket-id");
        assertThat(result.cases().get(0).passedA()).isTrue();
        assertThat(result.cases().get(0).sameOutput()).isFalse();
        assertThat(result.meanScoreDifference().mean()).isPositive();
        assertThat(result.meanScoreDifference().low()).isLessThanOrEqualTo(result.meanScoreDifference().mean());

        Map<String, Object> stored = governance.jdbc.sql("SELECT * FROM ab_comparison WHERE id = ?").param(result.id())
                .query().singleRow();
        assertThat(stored.get("only_b_passed")).isEqualTo(4);
        assertThat(stored.get("compared_by")).isEqualTo("erin");
        assertThat(stored.get("bootstrap_seed")).isEqualTo(11L);
        assertThat((Double) stored.get("mcnemar_p_value")).isCloseTo(0.125, within(1e-12));
        assertThat(governance.jdbc.sql("SELECT COUNT(*) FROM eval_run WHERE model_version_id IN (?, ?)").params(a.id(), b.id())
                .query(Integer.class).single()).isEqualTo(2);
    }

    private ModelVersion register(Governance governance, EvalSuite suite, String name) throws IOException {
        Path adapter = Files.createDirectories(dir.resolve(name));
        Files.writeString(adapter.resolve("adapter_model.safetensors"), name);
        long run = governance.evaluation.evaluate(suite, new EvalSubject(name, "tiny", AdapterHash.of(adapter), null), TUNED::get,
                "alice", null).evalRunId();
        return governance.registry.register(new RegistrationRequest("support", "tiny", adapter, null, null, "alice", run, "{}", "alice"));
    }
}
