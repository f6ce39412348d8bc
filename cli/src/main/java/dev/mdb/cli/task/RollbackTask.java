package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.InvalidArgumentException;
import dev.mdb.tasks.migrate.MigrationVersion;
import java.util.List;

/** db:rollback: reverts the last STEP migrations by running their U files. */
final class RollbackTask extends Task {
    RollbackTask() {
        super("db:rollback", "Roll the schema back to the previous version (specify steps with STEP=n)", true);
    }

    @Override
    public boolean dryRunnable() {
        return true;
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        requireSingleDatabase(inv, named);
        String version = inv.rawVersion();
        if (version != null && !version.isEmpty()) {
            throw new InvalidArgumentException(
                    "VERSION is not supported - To rollback a specific version, use db:migrate:down");
        }
        int step = inv.step();
        DatabaseConfig config = single(inv, named);
        if (inv.dryRun()) {
            inv.results().planned(config, inv.tasks().migrations().planRollback(config, step));
            return;
        }
        List<MigrationVersion> reverted = inv.tasks().migrations().rollback(config, step);
        inv.results().rolledBack(config, reverted);
    }

    @Override
    public String describeFor(String database) {
        return "Roll the %s database back to the previous version (STEP=n)".formatted(database);
    }
}
