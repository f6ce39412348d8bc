package dev.mdb.tasks.migrate;

import dev.mdb.config.MdbException;
import dev.mdb.tasks.DatabaseErrors;
import dev.mdb.tasks.TaskFailedException;
import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/** Explains a Flyway failure in one line: the file, the statement, the engine's error and what to do. */
public final class MigrationErrors {
    private static final int STATEMENT_PREVIEW = 160;

    private MigrationErrors() {}

    public static MdbException explain(AdapterTasks adapter, FlywayException e, List<MigrationVersion> appliedThisRun) {
        String where = adapter.config().label() + " (" + adapter.config().database() + ")";
        FlywayMigrateException migrate = find(e, FlywayMigrateException.class);
        if (migrate != null && migrate.getMigration() != null) {
            return failedMigration(adapter, where, migrate, appliedThisRun);
        }
        if (e instanceof FlywayValidateException) {
            return new TaskFailedException(
                    "the migration history of " + where + " does not match the files: "
                            + oneLine(adapter, e.getMessage())
                            + ". If a file was changed on purpose, run `mdb db:migrate:repair` to accept it.",
                    e);
        }
        SQLException sql = DatabaseErrors.sqlCause(e);
        if (sql != null) {
            return DatabaseErrors.translate(adapter, "migrate", sql);
        }
        return new TaskFailedException("couldn't migrate " + where + ": " + oneLine(adapter, e.getMessage()), e);
    }

    private static MdbException failedMigration(
            AdapterTasks adapter, String where, FlywayMigrateException e, List<MigrationVersion> applied) {
        FlywaySqlScriptException script = find(e, FlywaySqlScriptException.class);
        String file = e.getMigration().getScript();
        if (script != null && script.getResource() != null) {
            file = script.getResource().getAbsolutePathOnDisk();
        }
        SQLException sql = DatabaseErrors.sqlCause(e);
        String engineError = sql != null ? DatabaseErrors.cause(adapter, sql) : oneLine(adapter, e.getMessage());
        StringBuilder msg = new StringBuilder("migration ")
                .append(file)
                .append(" failed on ")
                .append(where);
        if (script != null) {
            msg.append(" at line ").append(script.getLineNumber());
        }
        msg.append(": ").append(engineError);
        if (script != null && script.getStatement() != null) {
            msg.append(". Statement: ").append(preview(adapter, script.getStatement()));
        }
        if (!applied.isEmpty()) {
            msg.append(". Applied before it in this run: ")
                    .append(applied.stream().map(MigrationVersion::text).collect(Collectors.joining(", ")));
        }
        if (adapter.transactionalDdl()) {
            msg.append(". The failed migration was rolled back; fix it and run `mdb db:migrate` again.");
        } else {
            msg.append(". This engine commits DDL at once: statements of ")
                    .append(e.getMigration().getScript())
                    .append(" before the failing one may have been applied. Check the database, undo or finish"
                            + " them by hand, then run `mdb db:migrate:repair` to clear the failed history row"
                            + " and `mdb db:migrate` again.");
        }
        return new TaskFailedException(msg.toString(), e);
    }

    private static String preview(AdapterTasks adapter, String statement) {
        String flat = statement.replaceAll("\\s+", " ").trim();
        if (flat.length() > STATEMENT_PREVIEW) {
            flat = flat.substring(0, STATEMENT_PREVIEW) + "…";
        }
        return DatabaseErrors.mask(adapter.config(), flat);
    }

    static String oneLine(AdapterTasks adapter, String message) {
        if (message == null) {
            return "unknown error";
        }
        String joined = message.lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("-"))
                // Flyway appends product advertising to some messages; it is not part of the cause.
                .filter(l -> !l.startsWith("Need more flexibility") && !l.contains("red-gate.com"))
                .collect(Collectors.joining(" "));
        return DatabaseErrors.mask(adapter.config(), joined);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
