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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results as one JSON document on stdout: {@code {"environment": …, "databases": [ … ]}} (or {@code pending}, {@code
 * replicas}), databases in config order, stable field names documented in the README, never a password.
 */
final class JsonResults implements ResultReporter {
    private final Reporter out;
    private final String env;

    JsonResults(Reporter out, String env) {
        this.out = out;
        this.env = env;
    }

    @Override
    public void migrated(Results<MigrateResult> results) {
        List<Object> databases = new ArrayList<>();
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("databases", results.total());
        for (MigrateResult.Outcome outcome : MigrateResult.Outcome.values()) {
            summary.put(outcome.word(), 0);
        }
        summary.put("failed", 0);
        for (DatabaseResult<MigrateResult> result : results.all()) {
            Map<String, Object> entry = entry(result.config(), result.failure());
            if (result.ok()) {
                MigrateResult value = result.value();
                entry.put("outcome", value.outcome().word());
                entry.put("reverted", versions(value.reverted()));
                entry.put("applied", versions(value.applied()));
                entry.put("not_run", versions(value.notRun()));
                if (value.dryRun()) {
                    entry.put("planned", planned(value.planned()));
                }
                summary.merge(value.outcome().word(), 1, Integer::sum);
            } else {
                summary.merge("failed", 1, Integer::sum);
            }
            databases.add(entry);
        }
        summary.merge(
                MigrateResult.Outcome.NOT_RUN.word(),
                results.total() - results.all().size(),
                Integer::sum);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("environment", env);
        doc.put("databases", databases);
        doc.put("summary", summary);
        out.out(Json.write(doc));
    }

    @Override
    public void planned(DatabaseConfig config, List<PlannedMigration> planned) {
        Map<String, Object> entry = entry(config, null);
        entry.put(
                "outcome",
                (planned.isEmpty() ? MigrateResult.Outcome.UP_TO_DATE : MigrateResult.Outcome.DRY_RUN).word());
        entry.put("planned", planned(planned));
        write("databases", List.of(entry));
    }

    private static List<Object> planned(List<PlannedMigration> planned) {
        List<Object> list = new ArrayList<>();
        for (PlannedMigration migration : planned) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("direction", migration.up() ? "up" : "down");
            m.put("version", migration.version());
            m.put("name", migration.name());
            m.put("transaction", migration.transaction());
            m.put("statements", migration.statements());
            list.add(m);
        }
        return list;
    }

    @Override
    public void rolledBack(DatabaseConfig config, List<MigrationVersion> reverted) {
        Map<String, Object> entry = entry(config, null);
        entry.put("reverted", versions(reverted));
        write("databases", List.of(entry));
    }

    @Override
    public void status(Results<MigrationStatus> results) {
        List<Object> databases = new ArrayList<>();
        for (MigrationStatus status : results.values()) {
            List<Object> rows = new ArrayList<>();
            for (MigrationStatus.Row row : status.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("status", row.status());
                m.put("version", row.version());
                m.put("name", row.name());
                rows.add(m);
            }
            Map<String, Object> db = new LinkedHashMap<>();
            db.put("name", status.name());
            db.put("database", status.database());
            db.put("migrations", rows);
            databases.add(db);
        }
        write("databases", databases);
    }

    @Override
    public void versions(Results<String> results, boolean named) {
        List<Object> databases = new ArrayList<>();
        for (DatabaseResult<String> result : results.all()) {
            if (result.ok()) {
                Map<String, Object> db = new LinkedHashMap<>();
                db.put("name", result.config().name());
                db.put("database", result.config().database());
                db.put("version", result.value());
                databases.add(db);
            }
        }
        write("databases", databases);
    }

    @Override
    public void pending(List<PendingMigration> pending) {
        write(
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
    }

    /**
     * {@code {"environment", "replicas": [{"name", "database", "group", "shard", "role", "writer", "location",
     * "reachable", "server_role", "role_verified", "state", "in_rotation", "lag_seconds", "lag_bytes",
     * "max_lag_seconds", "weight", "error"}]}}, in that order. {@code server_role}, {@code lag_seconds},
     * {@code lag_bytes} and {@code error} are left out when unknown or absent, as the other tasks' {@code error} is.
     */
    @Override
    public void replicas(ReplicaCheck check) {
        List<Object> replicas = new ArrayList<>();
        for (int i = 0; i < check.rows().size(); i++) {
            ReplicaStatus row = check.rows().get(i);
            Map<String, Object> replica = new LinkedHashMap<>();
            replica.put("name", row.entry());
            replica.put("database", check.databases().get(i));
            replica.put("group", row.group());
            replica.put("shard", row.shard().name());
            replica.put("role", row.role().name());
            replica.put("writer", row.writer());
            replica.put("location", row.location());
            replica.put("reachable", row.reachable());
            replica.put("server_role", row.serverRole());
            replica.put("role_verified", row.roleVerified());
            replica.put("state", row.state().label());
            replica.put("in_rotation", row.inRotation());
            Double lagSeconds = row.lagSeconds();
            replica.put("lag_seconds", lagSeconds == null || lagSeconds.isInfinite() ? null : lagSeconds);
            replica.put("lag_bytes", row.lagBytes());
            replica.put("max_lag_seconds", row.maxLagSeconds());
            replica.put("weight", row.weight());
            replica.put("error", JdbcUrls.redact(row.error()));
            replicas.add(replica);
        }
        write("replicas", replicas);
    }

    /** An entry for one database of a task that changes it; {@code failure} null means it succeeded. */
    private static Map<String, Object> entry(DatabaseConfig config, RuntimeException failure) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", config.name());
        entry.put("database", config.database());
        entry.put("status", failure == null ? "ok" : "failed");
        if (failure != null) {
            entry.put("error", failure.getMessage());
        }
        return entry;
    }

    private static List<String> versions(List<MigrationVersion> versions) {
        return versions.stream().map(MigrationVersion::text).toList();
    }

    private void write(String key, Object value) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("environment", env);
        doc.put(key, value);
        out.out(Json.write(doc));
    }
}
