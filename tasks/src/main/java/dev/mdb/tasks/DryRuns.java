package dev.mdb.tasks;

import dev.mdb.runtime.sql.SqlStatement;
import dev.mdb.tasks.migrate.MigrationScript;
import dev.mdb.tasks.spi.AdapterTasks;
import java.util.List;

/** What {@code --dry-run} says about one migration: a banner naming it and how it would run, then its statements. */
final class DryRuns {
    private DryRuns() {}

    /** {@code script} as it would run up on {@code adapter}'s database. */
    static PlannedMigration up(AdapterTasks adapter, MigrationScript script) {
        return planned(true, adapter, script);
    }

    /** {@code script} (a down migration) as it would run on {@code adapter}'s database. */
    static PlannedMigration down(AdapterTasks adapter, MigrationScript script, String className) {
        PlannedMigration planned = planned(false, adapter, script);
        return new PlannedMigration(false, planned.version(), className, planned.transaction(), planned.statements());
    }

    private static PlannedMigration planned(boolean up, AdapterTasks adapter, MigrationScript script) {
        // Where DDL is not transactional (MySQL/MariaDB) each statement commits at once, whatever the file says.
        boolean transaction = script.transactional() && adapter.transactionalDdl();
        List<String> statements =
                script.statements().stream().map(SqlStatement::text).toList();
        return new PlannedMigration(
                up, script.file().version().text(), script.file().className(), transaction, statements);
    }
}
