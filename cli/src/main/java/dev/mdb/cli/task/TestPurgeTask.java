package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:test:purge: protected; empties the test databases. */
final class TestPurgeTask extends Task {
    TestPurgeTask() {
        super("db:test:purge", "Empty the test databases", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().purge(testTargets(inv, named));
    }

    @Override
    public String describeFor(String database) {
        return "Empty the %s test database".formatted(database);
    }
}
