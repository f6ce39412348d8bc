package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.InvalidArgumentException;

/** db:migrate:redo: down and up of VERSION, or rollback STEP then migrate. */
final class RedoTask extends Task {
    RedoTask() {
        super(
                "db:migrate:redo",
                "Roll back the database one migration and re-migrate up (options: STEP=x, VERSION=x)",
                true);
    }

    @Override
    public boolean dryRunnable() {
        return true;
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        requireSingleDatabase(inv, named);
        String raw = inv.rawVersion();
        if (raw != null && raw.isEmpty()) {
            throw new InvalidArgumentException("Empty VERSION provided");
        }
        int steps = inv.targetVersion() == null ? inv.step() : 1;
        if (inv.dryRun()) {
            DatabaseConfig config = single(inv, named);
            inv.results().planned(config, inv.tasks().migrations().planRedo(config, inv.targetVersion(), steps));
            return;
        }
        inv.tasks().migrations().redo(single(inv, named), inv.targetVersion(), steps);
    }

    @Override
    public String describeFor(String database) {
        return "Roll back the %s database one migration and re-migrate up".formatted(database);
    }
}
