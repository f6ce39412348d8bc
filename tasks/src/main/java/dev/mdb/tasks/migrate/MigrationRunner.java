package dev.mdb.tasks.migrate;

import dev.mdb.tasks.DatabaseErrors;
import dev.mdb.tasks.TaskFailedException;
import dev.mdb.tasks.spi.AdapterTasks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies one migration file and records it in the history, so that a process killed at any instant leaves an
 * honest history. Where DDL is transactional and the file runs in a transaction, its statements and its history row
 * commit together: both or neither. Otherwise (MySQL/MariaDB, or a file that runs without a transaction) a row is
 * written first with {@link HistoryRow#STARTED}, the statements run, and the row then says how they ended; a run cut
 * off in between leaves that row, which the next run reports ({@link HistoryCheck}).
 */
public final class MigrationRunner {
    private static final int STATEMENT_PREVIEW = 160;
    private final AdapterTasks adapter;
    private final MigrationOutput output;
    private final HistoryTable history;
    private final Path location;

    /**
     * {@code location} is the migrations path the file's history name ({@code script}) is relative to; {@code session}
     * holds the migration lock and writes the history.
     */
    public MigrationRunner(MigrationSession session, MigrationOutput output, Path location) {
        this.adapter = session.adapter();
        this.output = output;
        this.history = session.table();
        this.location = location;
    }

    /**
     * Applies {@code script} on {@code c} (in auto-commit mode, and left so) and records it; its version is added to
     * {@code applied} once it is recorded. Failures are explained in one line.
     */
    public void apply(Connection c, MigrationScript script, List<MigrationVersion> applied) {
        MigrationFile file = script.file();
        long started = System.nanoTime();
        output.announce(file.version(), file.className(), "migrating");
        boolean atomic = script.transactional() && adapter.transactionalDdl();
        try {
            if (atomic) {
                applyAtomically(c, script, started, applied);
            } else {
                applyStepwise(c, script, started, applied);
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "record " + file.fileName() + " in the migration history of", e);
        }
        output.finished(file.version(), file.className(), "migrated", System.nanoTime() - started);
        applied.add(file.version());
    }

    private void applyAtomically(Connection c, MigrationScript script, long started, List<MigrationVersion> applied)
            throws SQLException {
        c.setAutoCommit(false);
        try {
            ScriptRunner.run(c, script.statements());
            history.insert(c, row(script, true, millisSince(started)));
            c.commit();
        } catch (StatementFailure f) {
            rollback(c);
            throw failed(
                    script, f, "The failed migration was rolled back; fix it and run `mdb db:migrate` again.", applied);
        } catch (SQLException | RuntimeException e) {
            rollback(c);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void applyStepwise(Connection c, MigrationScript script, long started, List<MigrationVersion> applied)
            throws SQLException {
        int rank = history.insert(c, row(script, false, HistoryRow.STARTED));
        try {
            c.setAutoCommit(!script.transactional());
            ScriptRunner.run(c, script.statements());
            if (script.transactional()) {
                c.commit();
            }
        } catch (StatementFailure f) {
            if (script.transactional()) {
                rollback(c);
            }
            c.setAutoCommit(true);
            throw failedStepwise(c, script, f, rank, started, applied);
        } finally {
            c.setAutoCommit(true);
        }
        history.finish(c, rank, true, millisSince(started));
    }

    /** A stepwise run failed: the row says so unless nothing of the file was applied, and the message says what is left. */
    private TaskFailedException failedStepwise(
            Connection c,
            MigrationScript script,
            StatementFailure f,
            int rank,
            long started,
            List<MigrationVersion> applied)
            throws SQLException {
        String leftover = adapter.engine().leftoverAfterFailure(c, f.statement().text());
        String tail;
        if (f.index() == 0) {
            history.delete(c, rank);
            tail = (leftover == null ? "Nothing of it was applied" : "Nothing else of it was applied; " + leftover)
                    + "; fix it and run `mdb db:migrate` again.";
        } else {
            history.finish(c, rank, false, millisSince(started));
            String how = script.transactional()
                    ? "This engine commits DDL at once: statements of "
                            + script.file().fileName() + " before the failing one may have been applied."
                    : script.file().fileName() + " runs without a transaction: the " + f.index() + " statement"
                            + (f.index() == 1 ? " was" : "s were") + " applied before the failing one.";
            tail = how + (leftover == null ? "" : " Also, " + leftover + ".")
                    + " Check the database and undo them by hand (or make them safe to run twice, e.g. IF NOT"
                    + " EXISTS), then run `mdb db:migrate:repair` to clear the failed history row and `mdb db:migrate`"
                    + " to run the whole file again.";
        }
        return failed(script, f, tail, applied);
    }

    private TaskFailedException failed(
            MigrationScript script, StatementFailure f, String tail, List<MigrationVersion> appliedThisRun) {
        StringBuilder msg = new StringBuilder("migration ")
                .append(script.file().path())
                .append(" failed on ")
                .append(where())
                .append(" at line ")
                .append(f.statement().line())
                .append(": ")
                .append(DatabaseErrors.cause(adapter, f.sqlException()))
                .append(". Statement: ")
                .append(preview(f.statement().text()));
        if (!appliedThisRun.isEmpty()) {
            msg.append(". Applied before it in this run: ")
                    .append(appliedThisRun.stream().map(MigrationVersion::text).collect(Collectors.joining(", ")));
        }
        msg.append(". ").append(tail);
        return new TaskFailedException(msg.toString(), f.sqlException());
    }

    private HistoryRow row(MigrationScript script, boolean success, int executionTime) {
        MigrationFile file = script.file();
        return new HistoryRow(
                0,
                file.version(),
                file.description(),
                "SQL",
                file.scriptName(location),
                script.checksum(),
                executionTime,
                success);
    }

    private String where() {
        return adapter.config().label() + " (" + adapter.config().database() + ")";
    }

    private String preview(String statement) {
        String flat = statement.replaceAll("\\s+", " ").trim();
        if (flat.length() > STATEMENT_PREVIEW) {
            flat = flat.substring(0, STATEMENT_PREVIEW) + "…";
        }
        return DatabaseErrors.mask(adapter.config(), flat);
    }

    private static int millisSince(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // The connection is closed by the caller; the transaction ends with it.
        }
    }
}
