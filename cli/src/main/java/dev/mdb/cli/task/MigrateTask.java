package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.MigrationTasks;
import dev.mdb.tasks.migrate.MigrationVersion;
import dev.mdb.tasks.spi.AdapterTasks;
import java.util.List;

/**
 * db:migrate: applies pending migrations of each database in config order. On one database VERSION= migrates up or
 * down to it; over several, only that pending version runs (Rails' migrate_all).
 */
final class MigrateTask extends Task {
    MigrateTask() {
        super("db:migrate", "Migrate the databases (options: VERSION=x, VERBOSE=false)", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        MigrationVersion target = inv.targetVersion();
        MigrationTasks migrations = inv.tasks().migrations();
        List<DatabaseConfig> targets = targets(inv, named);
        if (target != null && targets.size() > 1) {
            // Rails' migrate_all with VERSION: only that version runs, on each database where it is pending;
            // nothing is reverted.
            for (DatabaseConfig config : targets) {
                AdapterTasks adapter = inv.tasks().adapter(config);
                if (migrations.pending(adapter).stream()
                        .anyMatch(p -> target.sameAs(new MigrationVersion(p.version())))) {
                    migrations.up(adapter, target);
                }
            }
        } else {
            PerDatabase.run(
                    inv, targets, config -> migrations.migrate(inv.tasks().adapter(config), target));
        }
        inv.dumpSchemaAfterMigration(targets);
    }

    @Override
    public String describeFor(String database) {
        return "Migrate the %s database for the current environment".formatted(database);
    }
}
