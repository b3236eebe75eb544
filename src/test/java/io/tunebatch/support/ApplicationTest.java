package io.tunebatch.support;

import io.tunebatch.audit.CurrentTask;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application against a real database, with small chunks so every step commits several
 * times, and a fresh schema (Flyway clean + migrate) before each test.
 */
@SpringBootTest(properties = {
        "tunebatch.cli.enabled=false",
        "spring.flyway.clean-disabled=false",
        "tunebatch.ingest.chunk-size=3",
        "tunebatch.ingest.skip-limit=6",
        "tunebatch.pii.chunk-size=3",
        "tunebatch.validation.chunk-size=3",
        "tunebatch.snapshot.chunk-size=3",
        "tunebatch.pii.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "tunebatch.data-dir=${java.io.tmpdir}/tunebatch-test-data"})
@Import(FailureInjection.class)
public abstract class ApplicationTest {

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected FailureInjection failures;
    @Autowired
    private Flyway flyway;
    @Autowired
    private CurrentTask currentTask;

    @BeforeEach
    protected void resetSchema() {
        failures.disarm();
        flyway.clean();
        flyway.migrate();
        // The context's own task execution row went with the clean; jobs link to it, so put it back.
        long taskExecution = currentTask.executionId().orElseThrow();
        jdbc.update("INSERT INTO TASK_EXECUTION (TASK_EXECUTION_ID, START_TIME, TASK_NAME) VALUES (?, CURRENT_TIMESTAMP, ?)",
                taskExecution, "test");
        // and past it the sequence, so the task of a process the test starts does not take that id
        jdbc.execute("ALTER SEQUENCE TASK_SEQ RESTART WITH " + (taskExecution + 1));
    }

    protected long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
