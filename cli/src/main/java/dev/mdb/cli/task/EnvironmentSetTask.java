package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:environment:set: stores the current environment in the primary database. */
final class EnvironmentSetTask extends Task {
    EnvironmentSetTask() {
        super("db:environment:set", "Set the environment value for the database", false);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().setEnvironment();
    }
}
