package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:test:prepare: protected; loads the schema files into the test databases. */
final class TestPrepareTask extends Task {
    TestPrepareTask() {
        super("db:test:prepare", "Load the schema files into the test databases", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().loadSchemaInOrder(testTargets(inv, named));
    }

    @Override
    public String describeFor(String database) {
        return "Load the schema file into the %s test database".formatted(database);
    }
}
