package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.MigrationTasks;
import dev.mdb.tasks.migrate.MigrationVersion;

/** db:migrate: applies pending migrations of each database in config order (VERSION= goes up or down to it). */
final class MigrateTask extends Task {
    MigrateTask() {
        super("db:migrate", "Migrate the databases (options: VERSION=x, VERBOSE=false)", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        MigrationVersion target = inv.targetVersion();
        MigrationTasks migrations = inv.tasks().migrations();
        for (DatabaseConfig config : targets(inv, named)) {
            migrations.migrate(inv.tasks().adapter(config), target);
        }
    }

    @Override
    public String describeFor(String database) {
        return "Migrate the %s database for the current environment".formatted(database);
    }
}
