package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import java.util.List;

/** db:reset: Drop and recreate the databases from their schema files, and seed them. */
final class ResetTask extends Task {
    ResetTask() {
        super("db:reset", "Drop and recreate the databases from their schema files, and seed them", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        List<DatabaseConfig> configs =
                named != null ? List.of(named) : inv.tasks().select().current();
        inv.tasks().drop(configs);
        inv.tasks().create(configs);
        configs.forEach(inv.tasks().schemas()::load);
        Seeding.seed(inv, named != null ? List.of(named) : inv.tasks().select().visible());
    }

    @Override
    public String describeFor(String database) {
        return "Drop and recreate the %s database from its schema file, and seed it".formatted(database);
    }
}
