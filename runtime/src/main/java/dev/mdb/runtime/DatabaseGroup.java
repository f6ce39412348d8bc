package dev.mdb.runtime;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.internal.Placement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A database group (Rails' {@code connects_to database:} of one abstract class; {@code primary} by default): shards,
 * each with roles, each served by database.yml entries. The writing role of a shard has exactly one entry; other roles
 * have one or more. Shards and entries keep database.yml order; roles list writing, then reading, then custom roles.
 */
public final class DatabaseGroup {
    private final String name;
    private final boolean defaultGroup;
    private final Map<Shard, Map<Role, List<String>>> routes;
    private final Map<String, DatabaseConfig> configs;
    private final Set<String> replicas;
    private final RoleNames roleNames;

    DatabaseGroup(String name, boolean defaultGroup, List<Placement> placements, RoleNames roleNames) {
        this.name = name;
        this.roleNames = roleNames;
        this.defaultGroup = defaultGroup;
        Map<Shard, Map<Role, List<String>>> shards = new LinkedHashMap<>();
        Map<String, DatabaseConfig> entries = new LinkedHashMap<>();
        Set<String> replicaEntries = new LinkedHashSet<>();
        for (Placement placement : placements) {
            List<String> targets = shards.computeIfAbsent(placement.shard(), shard -> new LinkedHashMap<>())
                    .computeIfAbsent(placement.role(), role -> new ArrayList<>());
            if (placement.role().equals(Role.WRITING) && !targets.isEmpty()) {
                throw new ConfigException("database.yml: shard '" + placement.shard() + "' of database group '" + name
                        + "' has two writing databases, '" + targets.get(0) + "' and '" + placement.name()
                        + "'. A shard has one writer: mark the other one replica: true or give it its own shard:.");
            }
            targets.add(placement.name());
            entries.put(placement.name(), placement.config());
            if (placement.replica()) {
                replicaEntries.add(placement.name());
            }
        }
        Map<Shard, Map<Role, List<String>>> frozen = new LinkedHashMap<>();
        shards.forEach((shard, roles) -> frozen.put(shard, orderRoles(roles)));
        this.routes = Collections.unmodifiableMap(frozen);
        this.configs = Collections.unmodifiableMap(entries);
        this.replicas = Collections.unmodifiableSet(replicaEntries);
    }

    public String name() {
        return name;
    }

    /** Whether this is the topology's default group (messages then leave its name out, as Rails does for Base). */
    public boolean isDefaultGroup() {
        return defaultGroup;
    }

    /** Shards in database.yml order; {@link Shard#DEFAULT} for an unsharded group. */
    public List<Shard> shards() {
        return List.copyOf(routes.keySet());
    }

    /**
     * The shard a route without a shard resolves to: {@link Shard#DEFAULT} when the group has it, else its first shard
     * (Rails: the first shard key of {@code connects_to shards:} becomes the default shard).
     */
    public Shard defaultShard() {
        return routes.containsKey(Shard.DEFAULT)
                ? Shard.DEFAULT
                : routes.keySet().iterator().next();
    }

    public boolean hasShard(Shard shard) {
        return routes.containsKey(shard);
    }

    /** Roles of {@code shard} (writing, reading, then custom roles); empty for a shard the group doesn't have. */
    public Set<Role> roles(Shard shard) {
        Map<Role, List<String>> roles = routes.get(shard);
        return roles == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(roles.keySet()));
    }

    /** Whether the group has a database for {@code role} on {@code shard}. */
    public boolean has(Shard shard, Role role) {
        Map<Role, List<String>> roles = routes.get(shard);
        return roles != null && roles.containsKey(role);
    }

    /**
     * Entry names serving {@code role} on {@code shard}: one for writing, one or more otherwise.
     *
     * @throws UnknownShardException when the group has no such shard
     * @throws UnknownRoleException when the shard has no such role
     */
    public List<String> targets(Shard shard, Role role) {
        requireRoute(shard, role);
        return List.copyOf(routes.get(shard).get(role));
    }

    /**
     * Whether every write through this route is refused: true for the reading role and for any role whose every
     * entry is a replica ({@code replica: true}, {@code replica_of:} or named {@code <writer>_replica[_<n>]}). A custom
     * role served by non-replica entries takes writes.
     *
     * @throws UnknownShardException when the group has no such shard
     * @throws UnknownRoleException when the shard has no such role
     */
    public boolean replicaOnly(Shard shard, Role role) {
        List<String> targets = targets(shard, role);
        return role.equals(Role.READING) || replicas.containsAll(targets);
    }

    /**
     * Checks that the group serves {@code role} on {@code shard}, with Rails' message otherwise (e.g. {@code No database
     * connection defined for animals with 'reading' role.}).
     *
     * @throws UnknownShardException when the group has no such shard
     * @throws UnknownRoleException when the shard has no such role
     */
    public void requireRoute(Shard shard, Role role) {
        if (!routes.containsKey(shard)) {
            throw new UnknownShardException(
                    missingPoolMessage(shard, role) + " Group " + name + " has shards: "
                            + join(routes.keySet(), Shard::name) + ".",
                    name,
                    shard,
                    role);
        }
        if (!routes.get(shard).containsKey(role)) {
            throw new UnknownRoleException(
                    missingPoolMessage(shard, role) + " Shard '" + shard + "' of " + name + " has roles: "
                            + join(routes.get(shard).keySet(), roleNames::name) + ".",
                    name,
                    shard,
                    role);
        }
    }

    private static <T> String join(Collection<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.joining(", "));
    }

    /** The database.yml entry {@code entryName} of this group. */
    public DatabaseConfig config(String entryName) {
        DatabaseConfig config = configs.get(entryName);
        if (config == null) {
            throw new IllegalArgumentException("'" + entryName + "' is not a database of group '" + name
                    + "'. Its databases: " + String.join(", ", configs.keySet()) + ".");
        }
        return config;
    }

    /** Every entry of this group, in database.yml order. */
    public List<DatabaseConfig> configs() {
        return List.copyOf(configs.values());
    }

    /** Whether {@code entryName} was placed as a replica. */
    public boolean isReplica(String entryName) {
        return replicas.contains(entryName);
    }

    /**
     * Rails' {@code ConnectionNotDefined} text: {@code No database connection defined} + {@code for <selector>} +
     * {@code .}, the selector naming the group unless it is the default group, joined by {@code with} to the shard
     * unless it is the default shard and the role unless it is writing, joined by {@code and}.
     */
    String missingPoolMessage(Shard shard, Role role) {
        List<String> attributes = new ArrayList<>();
        if (!shard.equals(defaultShard())) {
            attributes.add("'" + shard + "' shard");
        }
        if (!role.equals(Role.WRITING)) {
            attributes.add("'" + roleNames.name(role) + "' role");
        }
        List<String> selector = new ArrayList<>();
        if (!defaultGroup) {
            selector.add(name);
        }
        if (!attributes.isEmpty()) {
            selector.add(String.join(" and ", attributes));
        }
        return "No database connection defined" + (selector.isEmpty() ? "" : " for " + String.join(" with ", selector))
                + ".";
    }

    private static Map<Role, List<String>> orderRoles(Map<Role, List<String>> roles) {
        Map<Role, List<String>> ordered = new LinkedHashMap<>();
        for (Role first : List.of(Role.WRITING, Role.READING)) {
            if (roles.containsKey(first)) {
                ordered.put(first, List.copyOf(roles.get(first)));
            }
        }
        roles.forEach((role, targets) -> ordered.putIfAbsent(role, List.copyOf(targets)));
        return Collections.unmodifiableMap(ordered);
    }

    @Override
    public String toString() {
        return "DatabaseGroup[" + name + ", shards=" + routes.keySet() + "]";
    }
}
