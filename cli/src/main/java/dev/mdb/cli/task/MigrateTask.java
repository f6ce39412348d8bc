package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.cli.output.OutputFormat;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.MigrateResult;
import dev.mdb.tasks.Results;

/**
 * db:migrate: applies pending migrations of each database in config order. On one database VERSION= migrates up or
 * down to it; over several, only that pending version runs (Rails' migrate_all). With {@code --format json} every
 * database is tried and the document reports each, failed ones too.
 */
final class MigrateTask extends Task {
    MigrateTask() {
        super("db:migrate", "Migrate the databases (options: VERSION=x, VERBOSE=false)", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        boolean json = inv.format() == OutputFormat.JSON;
        Results<MigrateResult> results =
                inv.tasks().migrations().migrate(targets(inv, named), inv.targetVersion(), json);
        inv.results().migrated(results);
        results.raise();
    }

    @Override
    public String describeFor(String database) {
        return "Migrate the %s database for the current environment".formatted(database);
    }
}
