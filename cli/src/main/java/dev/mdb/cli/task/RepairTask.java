package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:migrate:repair: removes failed history rows and accepts edited migration files. */
final class RepairTask extends Task {
    RepairTask() {
        super(
                "db:migrate:repair",
                "Remove failed migration rows from the history and accept edited migration files",
                true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().migrations().repair(targets(inv, named));
    }

    @Override
    public String describeFor(String database) {
        return "Repair the migration history of the %s database".formatted(database);
    }
}
