package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:schema:load: protected; empties the databases and loads their schema files (development also loads test). */
final class SchemaLoadTask extends Task {
    SchemaLoadTask() {
        super(
                "db:schema:load",
                "Load a schema file into the databases (empties them first; development also loads test)",
                true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().loadSchema(currentTargets(inv, named));
    }

    @Override
    public String describeFor(String database) {
        return "Load the schema file into the %s database".formatted(database);
    }
}
