package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.InvalidArgumentException;
import dev.mdb.tasks.MigrationTasks;
import dev.mdb.tasks.migrate.MigrationVersion;
import dev.mdb.tasks.spi.AdapterTasks;

/** db:migrate:redo: down and up of VERSION, or rollback STEP then migrate. */
final class RedoTask extends Task {
    RedoTask() {
        super(
                "db:migrate:redo",
                "Roll back the database one migration and re-migrate up (options: STEP=x, VERSION=x)",
                true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        requireSingleDatabase(inv, named);
        String raw = inv.rawVersion();
        if (raw != null && raw.isEmpty()) {
            throw new InvalidArgumentException("Empty VERSION provided");
        }
        AdapterTasks adapter = inv.tasks().adapter(single(inv, named));
        MigrationTasks migrations = inv.tasks().migrations();
        MigrationVersion version = inv.targetVersion();
        if (version != null) {
            migrations.down(adapter, version);
            migrations.up(adapter, version);
        } else {
            migrations.rollback(adapter, inv.step());
            migrations.migrate(adapter, null);
        }
        inv.dumpSchemaAfterMigration(java.util.List.of(adapter.config()));
    }

    @Override
    public String describeFor(String database) {
        return "Roll back the %s database one migration and re-migrate up".formatted(database);
    }
}
