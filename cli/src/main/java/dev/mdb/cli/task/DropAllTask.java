package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:drop:all: protected; every local database of every environment. */
final class DropAllTask extends Task {
    DropAllTask() {
        super("db:drop:all", "Drop all local databases of every environment in database.yml", false);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().dropAll();
    }
}
