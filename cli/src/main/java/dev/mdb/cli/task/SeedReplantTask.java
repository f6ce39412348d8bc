package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import java.util.List;

/** db:seed:replant: protected; truncates the tables of each database, then loads the seeds. */
final class SeedReplantTask extends Task {
    SeedReplantTask() {
        super("db:seed:replant", "Truncate tables of each database, then load the seeds", false);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        List<DatabaseConfig> configs = targets(inv, named);
        AbortIfPendingTask.abortIfPending(inv, configs, named);
        inv.tasks().seedReplant(configs);
    }
}
