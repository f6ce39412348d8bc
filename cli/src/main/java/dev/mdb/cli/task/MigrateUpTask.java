package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.InvalidArgumentException;
import dev.mdb.tasks.migrate.MigrationVersion;

/** db:migrate:up: runs the "up" of one migration (VERSION required). */
final class MigrateUpTask extends Task {
    MigrateUpTask() {
        super("db:migrate:up", "Run the \"up\" for a given migration VERSION", true);
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
            throw new InvalidArgumentException("VERSION is required");
        }
        if (inv.dryRun()) {
            DatabaseConfig config = single(inv, named);
            inv.results().planned(config, inv.tasks().migrations().planOne(config, version, true));
            return;
        }
        inv.tasks().migrations().up(single(inv, named), version);
    }

    @Override
    public String describeFor(String database) {
        return "Run the \"up\" for a given migration VERSION on the %s database".formatted(database);
    }
}
