package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import java.util.List;

/** db:seed: loads the seed files, refusing while migrations are pending. */
final class SeedTask extends Task {
    SeedTask() {
        super(
                "db:seed",
                "Load the seed data from db/seeds.sql and db/NAME_seeds.sql (aborts on pending migrations)",
                false);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        List<DatabaseConfig> configs = targets(inv, named);
        AbortIfPendingTask.abortIfPending(inv, configs, named);
        inv.tasks().seed(configs);
    }
}
