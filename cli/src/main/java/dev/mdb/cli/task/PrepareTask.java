package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import java.util.List;

/** db:prepare: Create missing databases, load schema into empty ones, migrate, and seed new ones (never clears data). */
final class PrepareTask extends Task {
    PrepareTask() {
        super(
                "db:prepare",
                "Create missing databases, load schema into empty ones, migrate, and seed new ones (never clears data)",
                false);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        List<DatabaseConfig> configs =
                named != null ? List.of(named) : inv.tasks().select().current();
        inv.tasks().lifecycle().prepare(configs, inv.dumpSchemaAfterMigration());
    }
}
