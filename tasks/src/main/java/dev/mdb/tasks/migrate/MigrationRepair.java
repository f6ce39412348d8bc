package dev.mdb.tasks.migrate;

import dev.mdb.tasks.DatabaseErrors;
import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code db:migrate:repair}, Flyway's repair: removes the rows of failed and cut-off runs (after a person has checked
 * the database), and takes each applied file's checksum and description as they are now (accepting an edit). Rows
 * whose file is gone stay: status shows them as {@code NO FILE}.
 */
public final class MigrationRepair {
    private final AdapterTasks adapter;
    private final MigrationFiles files;

    public MigrationRepair(AdapterTasks adapter, MigrationFiles files) {
        this.adapter = adapter;
        this.files = files;
    }

    public void run(MigrationSession session) {
        Connection c = session.connection();
        HistoryTable table = session.table();
        try {
            for (HistoryRow row : session.history()) {
                if (!row.isMigration()) {
                    continue;
                }
                if (!row.success()) {
                    table.delete(c, row.rank());
                    continue;
                }
                Optional<MigrationFile> file = files.up(row.version());
                if (file.isPresent()) {
                    MigrationScript script = MigrationScript.read(file.get(), adapter, session.serverVersion());
                    boolean same = row.checksum() != null
                            && row.checksum() == script.checksum()
                            && row.description().equals(file.get().description());
                    if (!same) {
                        table.realign(
                                c, row.rank(), script.checksum(), file.get().description());
                    }
                }
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "repair the migration history of", e);
        }
    }
}
