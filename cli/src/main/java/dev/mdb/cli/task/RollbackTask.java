package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.cli.output.DatabaseResults;
import dev.mdb.cli.output.OutputFormat;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.InvalidArgumentException;
import dev.mdb.tasks.migrate.MigrationVersion;
import java.util.List;
import java.util.Map;

/** db:rollback: reverts the last STEP migrations by running their U files. */
final class RollbackTask extends Task {
    RollbackTask() {
        super("db:rollback", "Roll the schema back to the previous version (specify steps with STEP=n)", true);
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
        List<MigrationVersion> reverted =
                inv.tasks().migrations().rollback(inv.tasks().adapter(config), step);
        if (inv.format() == OutputFormat.JSON) {
            Map<String, Object> entry = DatabaseResults.entry(config, null);
            entry.put("reverted", MigrateTask.versions(reverted));
            inv.reporter().out(DatabaseResults.document(inv.env(), List.of(entry)));
        }
        inv.dumpSchemaAfterMigration(java.util.List.of(single(inv, named)));
    }

    @Override
    public String describeFor(String database) {
        return "Roll the %s database back to the previous version (STEP=n)".formatted(database);
    }
}
