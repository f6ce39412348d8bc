package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.cli.output.Json;
import dev.mdb.cli.output.OutputFormat;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.config.JdbcUrls;
import dev.mdb.config.UnknownDatabaseNameException;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReplicaStatus;
import dev.mdb.runtime.TargetState;
import dev.mdb.tasks.DatabaseUnavailableException;
import dev.mdb.tasks.Reporter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * db:replicas: every replica of the environment (each entry of a reading or custom role whose entries are all
 * replicas of the shard's writer), probed once now by the runtime's health check: reachable, the role its server
 * reports, lag, and whether reads may go to it. All rows are printed first; then, when any replica is unreachable or
 * out of rotation, the task fails with {@link DatabaseUnavailableException} (exit 4). {@code db:replicas:NAME} and
 * {@code --database NAME} keep the replicas NAME is (an entry) or writes for (their writer); a list or glob works too.
 */
final class ReplicasTask extends Task {
    ReplicasTask() {
        super(
                "db:replicas",
                "Check every replica: reachable, server role, lag, in rotation (exit 4 if one is out)",
                true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        report(inv, named == null ? null : named.name());
    }

    @Override
    public String describeFor(String database) {
        return "Check the replicas of the %s database".formatted(database);
    }

    /**
     * Reports the replicas {@code spec} selects (null: all). Replica entries are hidden from the other tasks, so the
     * catalog hands the raw name here instead of resolving it to a visible configuration.
     */
    void report(Invocation inv, String spec) {
        inv.tasks().select().requireEnvironment();
        DatabaseConfigurations configs = DatabaseConfigurations.load(inv.configFile(), inv.env(), inv.environment());
        List<ReplicaStatus> rows;
        try (Mdb mdb = Mdb.of(configs, inv.env(), inv.projectDir())) {
            Predicate<ReplicaStatus> selected = selection(spec, mdb.replicas().status(false), configs, inv.env());
            rows = mdb.replicas().status(true).stream().filter(selected).toList();
        }
        if (inv.format() == OutputFormat.JSON) {
            inv.reporter().out(Json.write(document(inv.env(), rows, configs)));
        } else if (rows.isEmpty()) {
            inv.reporter().out("No replicas" + (spec == null ? "" : " of " + spec) + " in " + inv.env() + ".");
        } else {
            rows.forEach(row -> printText(inv.reporter(), row));
        }
        List<ReplicaStatus> out = rows.stream()
                .filter(row -> !row.reachable() || !row.inRotation())
                .toList();
        if (!out.isEmpty()) {
            throw new DatabaseUnavailableException(outOfRotation(inv.env(), rows.size(), out));
        }
    }

    /**
     * The rows {@code spec} keeps: each comma-separated part is a name or glob matched against the replica's entry and
     * its writer. A plain name that is an entry of the environment without replicas selects nothing; any other part
     * that matches nothing is an unknown name (exit 3).
     */
    private static Predicate<ReplicaStatus> selection(
            String spec, List<ReplicaStatus> known, DatabaseConfigurations configs, String env) {
        if (spec == null) {
            return row -> true;
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            Pattern pattern = glob(name);
            boolean matches = known.stream().anyMatch(row -> matches(pattern, row));
            boolean isEntry = !isGlob(name) && configs.find(env, name).isPresent();
            if (!matches && !isEntry) {
                Set<String> names = new LinkedHashSet<>();
                configs.configsFor(env, true).forEach(c -> names.add(c.name()));
                throw new UnknownDatabaseNameException(env, name, List.copyOf(names));
            }
            patterns.add(pattern);
        }
        return row -> patterns.stream().anyMatch(pattern -> matches(pattern, row));
    }

    private static boolean matches(Pattern pattern, ReplicaStatus row) {
        return pattern.matcher(row.entry()).matches()
                || pattern.matcher(row.writer()).matches();
    }

    private static boolean isGlob(String name) {
        return name.contains("*") || name.contains("?");
    }

    private static Pattern glob(String name) {
        return Pattern.compile(Pattern.quote(name).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
    }

    private static void printText(Reporter r, ReplicaStatus row) {
        r.out("");
        r.out("replica: " + row.entry() + " (" + row.group() + "/" + row.shard().name() + " "
                + row.role().name() + ", writer " + row.writer() + ") " + row.location());
        r.out("  reachable: " + yesNo(row.reachable())
                + "   role: " + (row.serverRole() == null ? "unknown" : row.serverRole())
                + "   lag: " + lag(row)
                + "   max lag: " + seconds(row.maxLagSeconds()) + " s"
                + "   weight: " + row.weight()
                + "   in rotation: " + yesNo(row.inRotation()) + (row.inRotation() ? "" : " (" + state(row) + ")"));
        if (row.error() != null) {
            r.out("  error: " + JdbcUrls.redact(row.error()));
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

    private static String state(ReplicaStatus row) {
        return row.state().label().replace('_', ' ');
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** {@code 5}, {@code 0.5}: seconds without trailing zeros. */
    private static String seconds(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * {@code {"environment", "replicas": [{"name", "database", "group", "shard", "role", "writer", "location",
     * "reachable", "server_role", "role_verified", "state", "in_rotation", "lag_seconds", "lag_bytes",
     * "max_lag_seconds", "weight", "error"}]}}, in that order. {@code server_role}, {@code lag_seconds},
     * {@code lag_bytes} and {@code error} are left out when unknown or absent, as the other tasks' {@code error} is.
     */
    private static Map<String, Object> document(String env, List<ReplicaStatus> rows, DatabaseConfigurations configs) {
        List<Object> replicas = new ArrayList<>();
        for (ReplicaStatus row : rows) {
            Map<String, Object> replica = new LinkedHashMap<>();
            replica.put("name", row.entry());
            replica.put(
                    "database",
                    configs.find(env, row.entry()).map(DatabaseConfig::database).orElse(null));
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
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("environment", env);
        doc.put("replicas", replicas);
        return doc;
    }

    private static String outOfRotation(String env, int total, List<ReplicaStatus> out) {
        String names = out.stream()
                .map(row -> row.entry() + " (" + (row.reachable() ? state(row) : TargetState.DOWN.label()) + ")")
                .collect(Collectors.joining(", "));
        boolean one = out.size() == 1;
        return out.size() + " of " + total + " replicas in " + env + " not in rotation: " + names + ". Reads skip "
                + (one ? "it" : "them") + " until " + (one ? "it recovers" : "they recover")
                + " (no_replica_policy decides when a whole role is out); check " + (one ? "its" : "their")
                + " server and replication (the error is in the report), then run `mdb db:replicas` again.";
    }
}
