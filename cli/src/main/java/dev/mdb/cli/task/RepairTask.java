package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:migrate:repair (mdb only): clears failed history rows and accepts changed checksums (Flyway's repair). */
final class RepairTask extends Task {
    RepairTask() {
        super(
                "db:migrate:repair",
                "Remove failed migration rows from the history and accept edited migration files",
                true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        for (DatabaseConfig config : targets(inv, named)) {
            inv.tasks().migrations().repair(inv.tasks().adapter(config));
            if (inv.verbose()) {
                inv.reporter().out("Repaired the migration history of '" + config.database() + "'");
            }
        }
    }

    @Override
    public String describeFor(String database) {
        return "Repair the migration history of the %s database".formatted(database);
    }
}
