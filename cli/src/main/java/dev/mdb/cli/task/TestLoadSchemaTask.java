package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:test:load_schema: protected; recreates the test databases from their schema files. */
final class TestLoadSchemaTask extends Task {
    TestLoadSchemaTask() {
        super("db:test:load_schema", "Recreate the test databases from their schema files", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().loadSchemaInOrder(testTargets(inv, named));
    }

    @Override
    public String describeFor(String database) {
        return "Recreate the %s test database from its schema file".formatted(database);
    }
}
