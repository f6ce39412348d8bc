package dev.mdb.tasks.migrate;

import dev.mdb.runtime.sql.SqlStatement;
import dev.mdb.tasks.DatabaseErrors;
import dev.mdb.tasks.TaskFailedException;
import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a {@code U…} file and removes the version's history row: in one transaction where DDL is transactional, else
 * statement by statement, saying exactly what was applied when one fails.
 */
public final class DownMigrator {
    private final AdapterTasks adapter;
    private final MigrationOutput output;

    public DownMigrator(AdapterTasks adapter, MigrationOutput output) {
        this.adapter = adapter;
        this.output = output;
    }

    /**
     * Runs {@code down} and removes the version's history row. A file that must run outside a transaction ({@link
     * MigrationScript}) runs statement by statement on every engine, and so does any file where DDL commits at once.
     */
    public void revert(Connection c, MigrationFile down, String className) {
        MigrationScript script = read(c, down);
        List<SqlStatement> statements = script.statements();
        long started = System.nanoTime();
        output.announce(down.version(), className, "reverting");
        boolean transactional = adapter.transactionalDdl() && script.transactional();
        int done = 0;
        try {
            c.setAutoCommit(!transactional);
            for (SqlStatement statement : statements) {
                try (Statement s = c.createStatement()) {
                    s.setEscapeProcessing(false);
                    s.execute(statement.text());
                } catch (SQLException e) {
                    throw failure(down, statement, done, statements.size(), e, transactional);
                }
                done++;
            }
            SchemaHistory.delete(c, down.version());
            if (transactional) {
                c.commit();
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "record the rollback of " + down.fileName() + " on", e);
        } finally {
            rollbackQuietly(c, transactional);
        }
        output.finished(down.version(), className, "reverted", System.nanoTime() - started);
    }

    private MigrationScript read(Connection c, MigrationFile down) {
        try {
            return MigrationScript.read(down, adapter, c.getMetaData().getDatabaseMajorVersion());
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "read the server version of", e);
        }
    }

    private TaskFailedException failure(
            MigrationFile down, SqlStatement statement, int done, int total, SQLException e, boolean transactional) {
        String where = adapter.config().label() + " (" + adapter.config().database() + ")";
        String flat = DatabaseErrors.mask(adapter.config(), statement.text().replaceAll("\\s+", " "));
        StringBuilder msg = new StringBuilder("down migration ")
                .append(down.path())
                .append(" failed on ")
                .append(where)
                .append(" at line ")
                .append(statement.line())
                .append(": ")
                .append(DatabaseErrors.cause(adapter, e))
                .append(". Statement: ")
                .append(flat.length() > 160 ? flat.substring(0, 160) + "…" : flat);
        if (transactional) {
            msg.append(". Nothing was changed; version ").append(down.version()).append(" is still applied.");
        } else {
            msg.append(". ")
                    .append(done)
                    .append(" of ")
                    .append(total)
                    .append(" statements were applied before it and cannot be undone automatically; version ")
                    .append(down.version())
                    .append(" is still recorded as applied. Finish the rollback by hand.");
        }
        return new TaskFailedException(msg.toString(), e);
    }

    private static void rollbackQuietly(Connection c, boolean transactional) {
        if (!transactional) {
            return;
        }
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // The connection is closed by the caller; nothing more to undo.
        }
    }
}
