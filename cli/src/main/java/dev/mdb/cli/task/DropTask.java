package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:drop: protected; the current configurations (development also drops test), or one named database. */
final class DropTask extends Task {
    DropTask() {
        super(
                "db:drop",
                "Drop the databases of the current environment (development also drops test; see db:drop:all)",
                true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().drop(currentTargets(inv, named));
    }

    @Override
    public String describeFor(String database) {
        return "Drop the %s database for the current environment".formatted(database);
    }
}
