package io.tunebatch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunebatch.support.TestDatabases.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The migration-made role tunebatch_auditor reads the auditor views and nothing else. */
class AuditorRoleTest {

    @ParameterizedTest
    @MethodSource("io.tunebatch.support.TestDatabases#both")
    void auditorReadsViewsButNeitherBaseTablesNorWrites(Database database) throws SQLException {
        try (Connection auditor = connectAsAuditor(database); Statement sql = auditor.createStatement()) {
            for (String view : new String[] {"auditor_model_lineage", "auditor_model_decision", "auditor_job_history",
                    "auditor_rejection", "auditor_pii_detection", "auditor_review_decision", "auditor_pii_access",
                    "auditor_erasure", "auditor_retraining_required", "auditor_training_candidate", "auditor_monitor_run",
                    "auditor_monitor_issue", "auditor_drift_report"}) {
                try (ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM " + view)) {
                    assertThat(rs.next()).as(view).isTrue();
                }
            }
            for (String table : new String[] {"training_example", "pii_original", "model_version", "BATCH_JOB_EXECUTION"}) {
                assertThatThrownBy(() -> sql.executeQuery("SELECT COUNT(*) FROM " + table))
                        .as("%s on %s", table, database).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501", "90096"));
            }
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO audit_event (occurred_at, actor, action, subject_type, "
                    + "subject_id, detail) VALUES (CURRENT_TIMESTAMP, 'auditor', 'x', 'y', 'z', '{}')"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501", "90096"));
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM auditor_audit_event"))
                    .isInstanceOf(SQLException.class);
        }
    }

    /** PostgreSQL: a superuser session switched to the NOLOGIN role. H2: a user holding the role. */
    private static Connection connectAsAuditor(Database database) throws SQLException {
        if (database.dataSource() instanceof JdbcDataSource h2) {
            try (Connection admin = h2.getConnection(); Statement sql = admin.createStatement()) {
                sql.execute("CREATE USER audit_reader PASSWORD 'read-only'");
                sql.execute("GRANT tunebatch_auditor TO audit_reader");
            }
            return DriverManager.getConnection(h2.getURL(), "audit_reader", "read-only");
        }
        Connection connection = database.dataSource().getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET ROLE tunebatch_auditor");
        }
        return connection;
    }
}
