package io.tunebatch.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to {@code audit_event}, the catch-all of the audit trail (promotions, rollbacks and
 * evaluations also have their own append-only tables). Callers pass identifiers and counts in
 * {@code detail}, never PII.
 */
@Component
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final CurrentTask task;

    public AuditTrail(JdbcClient jdbc, CurrentTask task) {
        this.jdbc = jdbc;
        this.task = task;
    }

    public void record(String actor, String action, String subjectType, String subjectId, Map<String, ?> detail) {
        jdbc.sql("INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, detail, task_execution_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(ZoneOffset.UTC), actor, action, subjectType, subjectId, JSON.writeValueAsString(detail),
                        task.executionId().orElse(null))
                .update();
    }
}
