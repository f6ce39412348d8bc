package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:truncate_all: protected; empties every table but the bookkeeping ones. */
final class TruncateAllTask extends Task {
    TruncateAllTask() {
        super("db:truncate_all", "Truncate all tables of each database (keeps the migration history)", false);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().truncateAll(targets(inv, named));
    }
}
