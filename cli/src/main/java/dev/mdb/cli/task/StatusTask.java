package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:migrate:status: Rails' table of up/down migrations per database. */
final class StatusTask extends Task {
    StatusTask() {
        super("db:migrate:status", "Display the status of migrations", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        show(inv, inv.tasks().migrations().status(targets(inv, named)), inv.results()::status);
    }

    @Override
    public String describeFor(String database) {
        return "Display the status of migrations for the %s database".formatted(database);
    }
}
