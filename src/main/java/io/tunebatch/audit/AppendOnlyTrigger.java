package io.tunebatch.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL function {@code tunebatch_refuse_change()}: attached by
 * migration {@code V31__append_only.sql} as a BEFORE UPDATE, DELETE row trigger, it makes the
 * statement fail so the evidence tables stay append-only.
 */
public final class AppendOnlyTrigger implements Trigger {

    /** SQLSTATE insufficient_privilege, the same code the PostgreSQL trigger raises. */
    static final String SQL_STATE = "42501";

    private String table;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName,
                     boolean before, int type) {
        this.table = tableName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String refused = newRow == null ? "DELETE" : "UPDATE";
        throw new SQLException("table " + table + " is append-only: " + refused
                + " refused; record a new row (a correction, a rollback, a new decision) instead", SQL_STATE);
    }
}
