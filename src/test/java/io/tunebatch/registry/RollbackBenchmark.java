package io.tunebatch.registry;

import static io.tunebatch.support.SupportAnswers.TUNED;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Benchmark, not a test (its name keeps it out of {@code mvn test}): how long a rollback takes
 * once a model has a long production history. Run with {@code bench/governance/rollback.sh}.
 * Registers VERSIONS versions, promotes each to production (each replaces the previous), then
 * rolls back all the way, timing each rollback as the caller sees it (metadata, audit rows and
 * model-card rewrite; no MLflow mirror).
 */
class RollbackBenchmark {

    private static final int VERSIONS = Integer.getInteger("versions", 100);

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.tunebatch.support.TestDatabases#both")
    void rollbackThroughALongProductionHistory(Database database) throws IOException {
        // pooled, as the application runs: an unpooled H2 file database opens the file for every statement
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(database.dataSource());
        pool.setMaximumPoolSize(4);
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            run(database, new Governance(dataSource, dir, new EmailPiiDetector(), null));
        }
    }

    private void run(Database database, Governance governance) throws IOException {
        EvalSuite suite = governance.evaluation.loadSuite(SupportAnswers.SUITE);
        for (int v = 1; v <= VERSIONS; v++) {
            Path adapter = Files.createDirectories(dir.resolve("adapter-" + v));
            Files.writeString(adapter.resolve("adapter_model.safetensors"), "weights " + v);
            long run = governance.evaluation.evaluate(suite, new EvalSubject("v" + v, "tiny", AdapterHash.of(adapter), null),
                    TUNED::get, "alice", null).evalRunId();
            governance.registry.register(new RegistrationRequest("bench", "tiny", adapter, null, null, "alice", run, "{}", "alice"));
            governance.registry.promote("bench", v, "bob", "staging");
            governance.registry.promote("bench", v, "bob", "production");
        }
        List<Double> serviceMillis = new ArrayList<>();
        List<Double> callerMillis = new ArrayList<>();
        for (int v = VERSIONS; v > 1; v--) {
            long started = System.nanoTime();
            ModelRegistry.Rollback rollback = governance.registry.rollback("bench", "dave", "benchmark");
            callerMillis.add((System.nanoTime() - started) / 1e6);
            serviceMillis.add((double) rollback.elapsedMillis());
        }
        int transitions = governance.jdbc.sql("SELECT COUNT(*) FROM model_transition").query(Integer.class).single();
        System.out.printf(Locale.ROOT, "ROLLBACK %s versions=%d rollbacks=%d transitions=%d | transaction ms: %s | caller ms: %s%n",
                database, VERSIONS, callerMillis.size(), transitions, summary(serviceMillis), summary(callerMillis));
    }

    private static String summary(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "median %.1f, p95 %.1f, max %.1f", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1));
    }
}
