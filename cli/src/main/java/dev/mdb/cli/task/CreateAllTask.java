package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:create:all: every local database of every environment. */
final class CreateAllTask extends Task {
    CreateAllTask() {
        super("db:create:all", "Create all local databases of every environment in database.yml", false);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().createAll();
    }
}
