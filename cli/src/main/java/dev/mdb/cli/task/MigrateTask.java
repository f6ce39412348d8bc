package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.cli.output.DatabaseResults;
import dev.mdb.cli.output.OutputFormat;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.MigrationTasks;
import dev.mdb.tasks.migrate.MigrationVersion;
import dev.mdb.tasks.spi.AdapterTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        } else if (inv.format() == OutputFormat.JSON) {
            runJson(inv, targets, target);
            return;
        } else {
            PerDatabase.run(
                    inv, targets, config -> migrations.migrate(inv.tasks().adapter(config), target));
        }
        inv.dumpSchemaAfterMigration(targets);
    }

    /** {@code --format json}: one document with what each database applied or reverted, or its error. */
    private static void runJson(Invocation inv, List<DatabaseConfig> targets, MigrationVersion target) {
        MigrationTasks.MigrateResult[] results = new MigrationTasks.MigrateResult[targets.size()];
        List<RuntimeException> failures = PerDatabase.runAll(
                inv,
                targets,
                config -> results[targets.indexOf(config)] =
                        inv.tasks().migrations().migrate(inv.tasks().adapter(config), target));
        List<Map<String, Object>> entries = new ArrayList<>();
        List<DatabaseConfig> migrated = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Map<String, Object> entry = DatabaseResults.entry(targets.get(i), failures.get(i));
            if (results[i] != null) {
                entry.put("reverted", versions(results[i].reverted()));
                entry.put("applied", versions(results[i].applied()));
                migrated.add(targets.get(i));
            }
            entries.add(entry);
        }
        inv.reporter().out(DatabaseResults.document(inv.env(), entries));
        inv.dumpSchemaAfterMigration(migrated);
        PerDatabase.raise(inv, targets, failures);
    }

    static List<String> versions(List<MigrationVersion> versions) {
        return versions.stream().map(MigrationVersion::text).toList();
    }

    @Override
    public String describeFor(String database) {
        return "Migrate the %s database for the current environment".formatted(database);
    }
}
