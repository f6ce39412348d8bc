package dev.mdb.runtime;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.internal.Placement;
import dev.mdb.runtime.internal.TopologyDeriver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The database groups of one environment, derived from database.yml: every entry (replicas and {@code
 * database_tasks: false} entries included) serves one role of one shard of one group.
 *
 * <p>Derivation, per entry: explicit keys win. {@code replica_of: <writer>} puts it in the writer's group and shard,
 * with role {@code role:} or reading; {@code shard_of: <writer>} with {@code shard: <name>} puts it in the writer's
 * group on that shard; {@code shard:} sets the shard and {@code role:} the role of any entry; {@code replica:} (true or
 * false) says whether it is a replica. Otherwise the Rails guide's names decide: {@code <w>_replica} and {@code
 * <w>_replica_<n>} read for {@code <w>}'s group and shard; {@code <g>_shard_<s>} writes shard {@code shard_<s>} of
 * group {@code g} (as the guide's {@code primary_shard_one} serves {@code shard_one}); {@code <g>_shard_<s>_replica[_<n>]} reads it; any other entry {@code X} writes group {@code X}, shard
 * {@code default} (or reads it, with {@code replica: true}). A replica whose writer does not exist makes its own group
 * ({@code X} minus the suffix) with only a reading role. Groups, shards and entries keep database.yml order.
 */
public final class Topology {
    private final String env;
    private final Map<String, DatabaseGroup> groups;
    private final String defaultGroup;
    private final RoleNames roleNames;

    private Topology(String env, Map<String, DatabaseGroup> groups, String defaultGroup, RoleNames roleNames) {
        this.env = env;
        this.groups = Collections.unmodifiableMap(groups);
        this.defaultGroup = defaultGroup;
        this.roleNames = roleNames;
    }

    /** What the standard roles are called here ({@link RoleNames#DEFAULT} unless the application renamed them). */
    public RoleNames roleNames() {
        return roleNames;
    }

    /**
     * The topology of {@code env}'s entries, hidden ones included.
     *
     * @throws ConfigException when {@code env} has no entries, or explicit keys contradict each other (an unknown
     *     {@code replica_of}/{@code shard_of} entry, {@code shard_of} without {@code shard}, two writers for one shard)
     */
    public static Topology from(DatabaseConfigurations configs, String env) {
        return from(configs, env, RoleNames.DEFAULT);
    }

    /** The same with the standard roles called {@code roleNames}. */
    public static Topology from(DatabaseConfigurations configs, String env, RoleNames roleNames) {
        Objects.requireNonNull(configs, "configs");
        Objects.requireNonNull(env, "env");
        return of(env, configs.configsFor(env, true), roleNames);
    }

    /** The topology of {@code entries}, all of environment {@code env}, in database.yml order. */
    public static Topology of(String env, List<DatabaseConfig> entries) {
        return of(env, entries, RoleNames.DEFAULT);
    }

    /** The same with the standard roles called {@code roleNames} (a {@code role:} key may use those names). */
    public static Topology of(String env, List<DatabaseConfig> entries, RoleNames roleNames) {
        Objects.requireNonNull(roleNames, "roleNames");
        if (entries.isEmpty()) {
            throw new ConfigException("No databases are configured for the '" + env
                    + "' environment in database.yml. Add one, or choose another environment with -e/--env.");
        }
        Map<String, List<Placement>> byGroup = new LinkedHashMap<>();
        for (Placement derived : TopologyDeriver.derive(entries)) {
            Role role = roleNames.canonical(derived.role());
            Placement placement = role.equals(derived.role())
                    ? derived
                    : new Placement(derived.config(), derived.group(), derived.shard(), role, derived.replica());
            byGroup.computeIfAbsent(placement.group(), group -> new ArrayList<>())
                    .add(placement);
        }
        String defaultGroup = byGroup.containsKey("primary")
                ? "primary"
                : byGroup.keySet().iterator().next();
        Map<String, DatabaseGroup> groups = new LinkedHashMap<>();
        byGroup.forEach((name, placements) ->
                groups.put(name, new DatabaseGroup(name, name.equals(defaultGroup), placements, roleNames)));
        return new Topology(env, groups, defaultGroup, roleNames);
    }

    /** The environment the topology was derived for. */
    public String env() {
        return env;
    }

    /** Groups in database.yml order (the order of each group's first entry). */
    public List<DatabaseGroup> groups() {
        return List.copyOf(groups.values());
    }

    /** Group names in database.yml order. */
    public List<String> groupNames() {
        return List.copyOf(groups.keySet());
    }

    public boolean hasGroup(String name) {
        return groups.containsKey(name);
    }

    /**
     * The group {@code name}.
     *
     * @throws UnknownDatabaseGroupException when there is none, listing the known groups
     */
    public DatabaseGroup group(String name) {
        DatabaseGroup group = groups.get(name);
        if (group == null) {
            throw new UnknownDatabaseGroupException("No database group '" + name + "' in the '" + env
                    + "' environment. Known groups: " + String.join(", ", groups.keySet()) + ".");
        }
        return group;
    }

    /** {@code primary} when present, else the first group: the group routes apply to when none is named. */
    public String defaultGroup() {
        return defaultGroup;
    }

    /** Every route key with its entries, for {@code mdb routes}: groups, then shards, then roles, in order. */
    public List<RouteRow> rows() {
        List<RouteRow> rows = new ArrayList<>();
        for (DatabaseGroup group : groups.values()) {
            for (Shard shard : group.shards()) {
                for (Role role : group.roles(shard)) {
                    rows.add(new RouteRow(
                            group.name(), shard, role, group.targets(shard, role), group.replicaOnly(shard, role)));
                }
            }
        }
        return List.copyOf(rows);
    }

    @Override
    public String toString() {
        return "Topology[" + env + ", groups=" + groups.keySet() + "]";
    }
}
