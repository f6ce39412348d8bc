package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.cli.output.OutputFormat;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.MigrateResult;
import dev.mdb.tasks.Results;

/**
 * db:migrate: applies the pending migrations of every database in version order across groups (Rails' order), the
 * shards of a group in parallel; {@code --on-error}, {@code --canary} and {@code --dry-run} steer it. On one database
 * VERSION= migrates up or down to it; over several, only that pending version runs (Rails' migrate_all). The results
 * (a summary over several databases, a dry run's plan, the JSON document) are rendered before failures are raised.
 */
final class MigrateTask extends Task {
    MigrateTask() {
        super("db:migrate", "Migrate the databases (options: VERSION=x, VERBOSE=false)", true);
    }

    @Override
    public boolean dryRunnable() {
        return true;
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        boolean json = inv.format() == OutputFormat.JSON;
        Results<MigrateResult> results =
                inv.tasks().migrations().migrate(targets(inv, named), inv.targetVersion(), inv.fleet());
        if (json || inv.verbose() || inv.dryRun()) {
            inv.results().migrated(results);
        }
        results.raise();
    }

    @Override
    public String describeFor(String database) {
        return "Migrate the %s database for the current environment".formatted(database);
    }
}
