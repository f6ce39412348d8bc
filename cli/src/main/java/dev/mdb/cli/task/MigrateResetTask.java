package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import java.util.List;

/** db:migrate:reset: Drop the databases, recreate them, and run all migrations. */
final class MigrateResetTask extends Task {
    MigrateResetTask() {
        super("db:migrate:reset", "Drop the databases, recreate them, and run all migrations", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        List<DatabaseConfig> configs =
                named != null ? List.of(named) : inv.tasks().select().current();
        inv.tasks().drop(configs);
        inv.tasks().create(configs);
        List<DatabaseConfig> migrated = targets(inv, named);
        for (DatabaseConfig config : migrated) {
            inv.tasks().migrations().migrate(inv.tasks().adapter(config), null);
        }
        inv.dumpSchemaAfterMigration(migrated);
    }

    @Override
    public String describeFor(String database) {
        return "Drop the %s database, recreate it, and run all its migrations".formatted(database);
    }
}
