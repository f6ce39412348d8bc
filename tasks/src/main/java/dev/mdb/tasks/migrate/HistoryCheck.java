package dev.mdb.tasks.migrate;

import dev.mdb.tasks.TaskFailedException;
import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What must hold before anything is migrated over a history: no run left failed or cut off (those need a person to
 * look, then {@code db:migrate:repair}), and no applied file changed since it ran (checksum and description, as Flyway
 * validates them). Each problem is one message naming the database, the file, what happened and the next step.
 */
final class HistoryCheck {
    private HistoryCheck() {}

    /** Failed and cut-off runs anywhere in the history; changed files among {@code checked}. */
    static void validate(
            AdapterTasks adapter,
            Connection c,
            List<HistoryRow> rows,
            MigrationFiles files,
            List<MigrationFile> checked,
            int serverVersion)
            throws SQLException {
        for (HistoryRow row : rows) {
            if (row.isMigration() && !row.success()) {
                throw unfinished(adapter, c, row, files, serverVersion);
            }
        }
        for (HistoryRow row : rows) {
            if (!row.isMigration() || !row.success()) {
                continue;
            }
            Optional<MigrationFile> file = checked.stream()
                    .filter(f -> f.version().sameAs(row.version()))
                    .findFirst();
            if (file.isEmpty()) {
                continue;
            }
            int checksum = files.checksum(file.get());
            boolean checksumChanged = row.checksum() != null && row.checksum() != checksum;
            boolean renamed = !file.get().description().equals(row.description());
            if (checksumChanged || renamed) {
                throw new TaskFailedException("the migration history of " + where(adapter) + " does not match the"
                        + " files: " + file.get().path()
                        + (checksumChanged
                                ? " changed since version " + row.version() + " was applied (checksum " + row.checksum()
                                        + " in the history, " + checksum + " now)"
                                : " is named '" + file.get().description() + "' but version " + row.version()
                                        + " was applied as '" + row.description() + "'")
                        + ". If the file was changed on purpose, run `mdb db:migrate:repair` to accept it; otherwise"
                        + " restore it.");
            }
        }
    }

    private static TaskFailedException unfinished(
            AdapterTasks adapter, Connection c, HistoryRow row, MigrationFiles files, int serverVersion)
            throws SQLException {
        String run = "the last run of " + row.script() + " (version " + row.version() + ") on " + where(adapter);
        if (!row.interrupted()) {
            return new TaskFailedException(run + " failed part-way and left a failed history row; statements before"
                    + " the failing one may have been applied. Check the database and undo them by hand (or make them"
                    + " safe to run twice, e.g. IF NOT EXISTS), then run `mdb db:migrate:repair` to clear the failed"
                    + " row and `mdb db:migrate` to run the whole file again.");
        }
        Optional<MigrationFile> file = files.up(row.version());
        String state = file.isEmpty()
                ? "its file is gone, so what it did can't be checked"
                : CatalogPresence.describe(
                        c,
                        MigrationScript.read(file.get(), adapter, serverVersion).statements(),
                        adapter.engine());
        return new TaskFailedException(run + " was cut off (the process was killed or lost its connection) before it"
                + " could record how it ended; it runs without a transaction, so part of it may be applied: " + state
                + ". Undo by hand what is done (or make those statements safe to run twice, e.g. IF NOT EXISTS), then"
                + " run `mdb db:migrate:repair` to clear the row and `mdb db:migrate` to run the whole file again.");
    }

    private static String where(AdapterTasks adapter) {
        return adapter.config().label() + " (" + adapter.config().database() + ")";
    }
}
