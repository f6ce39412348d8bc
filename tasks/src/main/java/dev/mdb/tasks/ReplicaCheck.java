package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.config.UnknownDatabaseNameException;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReplicaStatus;
import dev.mdb.runtime.TargetState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * db:replicas: every replica of the environment (each entry of a reading or custom role whose entries are all
 * replicas of the shard's writer), probed once now by the runtime's health check, with the database each entry names.
 * {@link #failure()} is the error to raise after the report when one is unreachable or out of rotation.
 *
 * @param spec the selection asked for ({@code db:replicas:NAME}, {@code --database}), or null for all
 */
public record ReplicaCheck(String env, String spec, List<ReplicaStatus> rows, List<String> databases) {
    public ReplicaCheck {
        rows = List.copyOf(rows);
        databases = java.util.Collections.unmodifiableList(new ArrayList<>(databases));
    }

    /**
     * Probes the replicas {@code spec} keeps: each comma-separated part is a name or glob matched against the
     * replica's entry and its writer. A plain name that is an entry of the environment without replicas selects
     * nothing; any other part that matches nothing is an unknown name (exit 3).
     */
    static ReplicaCheck probe(DatabaseConfigurations configs, TaskOptions options, String spec) {
        String env = options.env();
        List<ReplicaStatus> rows;
        try (Mdb mdb = Mdb.of(configs, env, options.projectDir())) {
            Predicate<ReplicaStatus> selected = selection(spec, mdb.replicas().status(false), configs, env);
            rows = mdb.replicas().status(true).stream().filter(selected).toList();
        }
        List<String> databases = new ArrayList<>();
        for (ReplicaStatus row : rows) {
            databases.add(
                    configs.find(env, row.entry()).map(DatabaseConfig::database).orElse(null));
        }
        return new ReplicaCheck(env, spec, rows, databases);
    }

    /** The replicas unreachable or out of rotation. */
    public List<ReplicaStatus> outOfRotation() {
        return rows.stream()
                .filter(row -> !row.reachable() || !row.inRotation())
                .toList();
    }

    /** Why a replica is out of rotation: {@code down}, {@code lagging}, {@code role mismatch}. */
    public static String state(ReplicaStatus row) {
        return row.state().label().replace('_', ' ');
    }

    /** The failure to raise after the report (exit 4), or null when every replica is in rotation. */
    public DatabaseUnavailableException failure() {
        List<ReplicaStatus> out = outOfRotation();
        if (out.isEmpty()) {
            return null;
        }
        String names = out.stream()
                .map(row -> row.entry() + " (" + (row.reachable() ? state(row) : TargetState.DOWN.label()) + ")")
                .collect(Collectors.joining(", "));
        boolean one = out.size() == 1;
        return new DatabaseUnavailableException(out.size() + " of " + rows.size() + " replicas in " + env
                + " not in rotation: " + names + ". Reads skip " + (one ? "it" : "them") + " until "
                + (one ? "it recovers" : "they recover")
                + " (no_replica_policy decides when a whole role is out); check " + (one ? "its" : "their")
                + " server and replication (the error is in the report), then run `mdb db:replicas` again.");
    }

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
            Pattern pattern = NamePatterns.glob(name);
            boolean matches = known.stream().anyMatch(row -> matches(pattern, row));
            boolean isEntry =
                    !NamePatterns.isGlob(name) && configs.find(env, name).isPresent();
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
}
