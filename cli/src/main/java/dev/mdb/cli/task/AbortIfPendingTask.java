package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.cli.output.Json;
import dev.mdb.cli.output.OutputFormat;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.PendingMigration;
import dev.mdb.tasks.TaskFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        List<PendingMigration> pending = new ArrayList<>();
        PerDatabase.map(
                        inv,
                        configs,
                        config -> inv.tasks().migrations().pending(inv.tasks().adapter(config)))
                .forEach(pending::addAll);
        if (inv.format() == OutputFormat.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("environment", inv.env());
            doc.put(
                    "pending",
                    pending.stream()
                            .map(m -> {
                                Map<String, Object> row = new LinkedHashMap<>();
                                row.put("database", m.database());
                                row.put("version", m.version());
                                row.put("name", m.className());
                                return row;
                            })
                            .toList());
            inv.reporter().out(Json.write(doc));
        }
        if (pending.isEmpty()) {
            return;
        }
        if (inv.format() == OutputFormat.TEXT) {
            printText(inv, pending);
        }
        String migrate = named == null ? "db:migrate" : "db:migrate:" + named.name();
        throw new TaskFailedException("Run `mdb " + migrate + "` to update your database then try again.");
    }

    private static void printText(Invocation inv, List<PendingMigration> pending) {
        inv.reporter()
                .out("You have " + pending.size() + " pending " + (pending.size() > 1 ? "migrations:" : "migration:"));
        for (PendingMigration m : pending) {
            inv.reporter().out(String.format(Locale.ROOT, "  %4s %s", m.version(), m.className()));
        }
    }

    @Override
    public String describeFor(String database) {
        return "Raise an error if the %s database has pending migrations".formatted(database);
    }
}
