package dev.mdb.cli.output;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.JdbcUrls;
import dev.mdb.runtime.ReplicaStatus;
import dev.mdb.tasks.DatabaseResult;
import dev.mdb.tasks.MigrateResult;
import dev.mdb.tasks.MigrationStatus;
import dev.mdb.tasks.PendingMigration;
import dev.mdb.tasks.PlannedMigration;
import dev.mdb.tasks.ReplicaCheck;
import dev.mdb.tasks.Reporter;
import dev.mdb.tasks.Results;
import dev.mdb.tasks.migrate.MigrationVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Results as Rails prints them: status tables, version lines, pending lists, and mdb's replica report. */
final class TextResults implements ResultReporter {
    private final Reporter out;

    TextResults(Reporter out) {
        this.out = out;
    }

    @Override
    public void migrated(Results<MigrateResult> results) {
        List<DatabaseResult<MigrateResult>> all = results.all();
        boolean several = results.total() > 1;
        boolean dryRun = all.stream().anyMatch(r -> r.ok() && r.value().dryRun());
        Map<MigrateResult.Outcome, Integer> counts = new EnumMap<>(MigrateResult.Outcome.class);
        int failed = 0;
        for (DatabaseResult<MigrateResult> result : all) {
            if (!result.ok()) {
                failed++;
                continue;
            }
            counts.merge(result.value().outcome(), 1, Integer::sum);
            if (!result.value().planned().isEmpty()) {
                if (several) {
                    out.out("database: " + result.config().name() + " ("
                            + result.config().database() + ")");
                }
                printPlan(result.value().planned());
            }
        }
        int dryRuns = counts.getOrDefault(MigrateResult.Outcome.DRY_RUN, 0);
        int upToDate = counts.getOrDefault(MigrateResult.Outcome.UP_TO_DATE, 0);
        if (dryRun && !several) {
            if (dryRuns == 0 && failed == 0) {
                out.out("Nothing would run: " + all.get(0).config().name() + " is up to date.");
            }
        } else if (dryRun) {
            out.out("Dry run over " + results.total() + " databases: " + dryRuns + " would migrate, " + upToDate
                    + " up to date, " + failed + " failed. Nothing was changed.");
        } else if (several) {
            out.out(results.total() + " databases: " + counts.getOrDefault(MigrateResult.Outcome.MIGRATED, 0)
                    + " migrated, " + upToDate + " already up to date, " + failed + " failed, "
                    + (results.total() - all.size() + counts.getOrDefault(MigrateResult.Outcome.NOT_RUN, 0))
                    + " not run.");
        }
    }

    @Override
    public void planned(DatabaseConfig config, List<PlannedMigration> planned) {
        if (planned.isEmpty()) {
            out.out("Nothing would run on " + config.name() + ".");
        }
        printPlan(planned);
    }

    private void printPlan(List<PlannedMigration> planned) {
        for (PlannedMigration migration : planned) {
            out.out(migration.banner());
            migration.script().forEach(out::out);
            out.out("");
        }
    }

    @Override
    public void rolledBack(DatabaseConfig config, List<MigrationVersion> reverted) {}

    @Override
    public void status(Results<MigrationStatus> results) {
        for (MigrationStatus status : results.values()) {
            out.out("");
            out.out("database: " + status.database());
            out.out("");
            out.out(center("Status", 8) + "  " + pad("Migration ID", 14) + "  Migration Name");
            out.out("-".repeat(50));
            for (MigrationStatus.Row row : status.rows()) {
                out.out(center(row.status(), 8) + "  " + pad(row.version(), 14) + "  " + row.name());
            }
            out.out("");
        }
    }

    @Override
    public void versions(Results<String> results, boolean named) {
        for (DatabaseResult<String> result : results.all()) {
            if (!result.ok()) {
                continue;
            }
            if (named) {
                out.out("Current version: " + result.value());
            } else {
                out.out("");
                out.out("database: " + result.config().database());
                out.out("Current version: " + result.value());
                out.out("");
            }
        }
    }

    @Override
    public void pending(List<PendingMigration> pending) {
        if (pending.isEmpty()) {
            return;
        }
        out.out("You have " + pending.size() + " pending " + (pending.size() > 1 ? "migrations:" : "migration:"));
        for (PendingMigration m : pending) {
            out.out(String.format(Locale.ROOT, "  %4s %s", m.version(), m.className()));
        }
    }

    @Override
    public void replicas(ReplicaCheck check) {
        if (check.rows().isEmpty()) {
            out.out("No replicas" + (check.spec() == null ? "" : " of " + check.spec()) + " in " + check.env() + ".");
            return;
        }
        for (ReplicaStatus row : check.rows()) {
            out.out("");
            out.out("replica: " + row.entry() + " (" + row.group() + "/"
                    + row.shard().name() + " " + row.role().name() + ", writer " + row.writer() + ") "
                    + row.location());
            out.out("  reachable: " + yesNo(row.reachable())
                    + "   role: " + (row.serverRole() == null ? "unknown" : row.serverRole())
                    + "   lag: " + lag(row)
                    + "   max lag: " + seconds(row.maxLagSeconds()) + " s"
                    + "   weight: " + row.weight()
                    + "   in rotation: " + yesNo(row.inRotation())
                    + (row.inRotation() ? "" : " (" + ReplicaCheck.state(row) + ")"));
            if (row.error() != null) {
                out.out("  error: " + JdbcUrls.redact(row.error()));
            }
        }
    }

    /**
     * {@code 0.012 s, 0 bytes}; {@code n/a} when the engine has no lag to measure (SQLite); unknown when down. Behind by
     * some bytes, the time is {@code at least}: a one-shot check knows the primary's position only since it started,
     * not when the primary first passed the replica's position.
     */
    private static String lag(ReplicaStatus row) {
        if (!row.reachable()) {
            return "unknown";
        }
        Double lagSeconds = row.lagSeconds();
        if (lagSeconds != null && lagSeconds.isInfinite()) {
            return "unknown (replication stopped)";
        }
        if (lagSeconds == null && row.lagBytes() == null) {
            return "n/a";
        }
        List<String> parts = new ArrayList<>();
        if (lagSeconds != null) {
            boolean behind = row.lagBytes() != null && row.lagBytes() > 0;
            parts.add((behind ? "at least " : "") + String.format(Locale.ROOT, "%.3f s", lagSeconds));
        }
        if (row.lagBytes() != null) {
            parts.add(row.lagBytes() + (row.lagBytes() == 1 ? " byte" : " bytes"));
        }
        return String.join(", ", parts);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** {@code 5}, {@code 0.5}: seconds without trailing zeros. */
    private static String seconds(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Ruby's String#center: extra padding goes to the right. */
    static String center(String s, int width) {
        int total = Math.max(0, width - s.length());
        int left = total / 2;
        return " ".repeat(left) + s + " ".repeat(total - left);
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
