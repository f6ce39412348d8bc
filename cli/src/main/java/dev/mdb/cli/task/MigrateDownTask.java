package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.InvalidArgumentException;
import dev.mdb.tasks.migrate.MigrationVersion;

/** db:migrate:down: runs the "down" (U file) of one migration (VERSION required). */
final class MigrateDownTask extends Task {
    MigrateDownTask() {
        super("db:migrate:down", "Run the \"down\" for a given migration VERSION", true);
    }

    @Override
    public boolean dryRunnable() {
        return true;
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        requireSingleDatabase(inv, named);
        MigrationVersion version = inv.targetVersion();
        if (version == null) {
            throw new InvalidArgumentException(
                    named == null
                            ? "VERSION is required - To go down one migration, use db:rollback"
                            : "VERSION is required");
        }
        if (inv.dryRun()) {
            DatabaseConfig config = single(inv, named);
            inv.results().planned(config, inv.tasks().migrations().planOne(config, version, false));
            return;
        }
        inv.tasks().migrations().down(single(inv, named), version);
    }

    @Override
    public String describeFor(String database) {
        return "Run the \"down\" for a given migration VERSION on the %s database".formatted(database);
    }
}
