package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import java.util.List;

/** db:setup: Create the databases, load their schema files, and seed them. */
final class SetupTask extends Task {
    SetupTask() {
        super("db:setup", "Create the databases, load their schema files, and seed them", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        List<DatabaseConfig> configs =
                named != null ? List.of(named) : inv.tasks().select().current();
        inv.tasks().create(configs);
        inv.tasks().checkProtectedEnvironments(configs);
        configs.forEach(inv.tasks().schemas()::load);
        Seeding.seed(inv, named != null ? List.of(named) : inv.tasks().select().visible());
    }

    @Override
    public String describeFor(String database) {
        return "Create the %s database, load its schema file, and seed it".formatted(database);
    }
}
