package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import java.util.List;

/** db:seed: Load the seed data from db/seeds.sql and db/NAME_seeds.sql (aborts on pending migrations). */
final class SeedTask extends Task {
    SeedTask() {
        super(
                "db:seed",
                "Load the seed data from db/seeds.sql and db/NAME_seeds.sql (aborts on pending migrations)",
                false);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        List<DatabaseConfig> configs =
                named != null ? List.of(named) : inv.tasks().select().visible();
        AbortIfPendingTask.abortIfPending(inv, configs, named);
        Seeding.seed(inv, configs);
    }
}
