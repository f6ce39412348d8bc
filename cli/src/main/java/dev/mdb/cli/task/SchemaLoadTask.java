package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import java.util.List;

/** db:schema:load: Load a schema file into the databases (empties them first; development also loads test). */
final class SchemaLoadTask extends Task {
    SchemaLoadTask() {
        super(
                "db:schema:load",
                "Load a schema file into the databases (empties them first; development also loads test)",
                true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        List<DatabaseConfig> configs = currentTargets(inv, named);
        inv.tasks().checkProtectedEnvironments(configs);
        PerDatabase.run(inv, configs, inv.tasks().schemas()::load);
    }

    @Override
    public String describeFor(String database) {
        return "Load the schema file into the %s database".formatted(database);
    }
}
