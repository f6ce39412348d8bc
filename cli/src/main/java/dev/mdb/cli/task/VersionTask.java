package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:version: the newest applied migration of each database. */
final class VersionTask extends Task {
    VersionTask() {
        super("db:version", "Retrieve the current schema version number", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        show(
                inv,
                inv.tasks().migrations().version(targets(inv, named)),
                r -> inv.results().versions(r, named != null));
    }

    @Override
    public String describeFor(String database) {
        return "Retrieve the current schema version number of the %s database".formatted(database);
    }
}
