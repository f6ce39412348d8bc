package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import java.util.List;

/** The {@code test} environment's databases for db:test:* (or the one named, looked up in {@code test}). */
final class TestDatabases {
    private TestDatabases() {}

    static List<DatabaseConfig> of(Invocation inv, DatabaseConfig named) {
        if (named != null) {
            return List.of(inv.tasks().select().namedIn("test", named.name()));
        }
        return inv.tasks().select().visibleIn("test");
    }
}
