package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.PendingMigration;
import dev.mdb.tasks.TaskFailedException;
import java.util.List;

/** db:abort_if_pending_migrations: lists pending migrations and fails when there are any. */
final class AbortIfPendingTask extends Task {
    AbortIfPendingTask() {
        super("db:abort_if_pending_migrations", "Raise an error if there are pending migrations", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        abortIfPending(inv, targets(inv, named), named);
    }

    /** Lists pending migrations of {@code configs} and fails when there are any (also used by db:seed). */
    static void abortIfPending(Invocation inv, List<DatabaseConfig> configs, DatabaseConfig named) {
        List<PendingMigration> pending = inv.tasks().migrations().pending(configs).raise().values().stream()
                .flatMap(List::stream)
                .toList();
        inv.results().pending(pending);
        if (!pending.isEmpty()) {
            String migrate = named == null ? "db:migrate" : "db:migrate:" + named.name();
            throw new TaskFailedException("Run `mdb " + migrate + "` to update your database then try again.");
        }
    }

    @Override
    public String describeFor(String database) {
        return "Raise an error if the %s database has pending migrations".formatted(database);
    }
}
