package dev.mdb.runtime.internal;

import dev.mdb.config.ConfigException;
import dev.mdb.config.ConfigKeys;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.Role;
import dev.mdb.runtime.Shard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places every entry of one environment in a group, shard and role. Explicit keys win ({@code replica_of},
 * {@code shard_of} with {@code shard}, {@code shard}, {@code role}, {@code replica}); otherwise the Rails guide's
 * names decide: {@code <w>_replica[_<n>]} reads for {@code <w>}, {@code <g>_shard_<s>} writes shard {@code shard_<s>}
 * of group {@code g} (the Rails guide's {@code primary_shard_one} serves {@code shard_one}), {@code
 * <g>_shard_<s>_replica[_<n>]} reads it, and any other entry {@code X} is group {@code X}.
 */
public final class TopologyDeriver {
    /** {@code replica_of: <writer entry>}: same group and shard as that writer; role reading unless {@code role:}. */
    public static final String REPLICA_OF = "replica_of";
    /** {@code shard_of: <writer entry>}: the group of that writer; needs {@code shard:}. */
    public static final String SHARD_OF = "shard_of";
    /** {@code shard: <name>}: the shard of this entry. */
    public static final String SHARD = "shard";
    /** {@code role: <name>}: the role of this entry (a custom role such as {@code analytics}). */
    public static final String ROLE = "role";

    private static final Pattern REPLICA_NAME = Pattern.compile("(.+)_replica(?:_\\d+)?");
    private static final Pattern SHARD_NAME = Pattern.compile("(.+?)_(shard_.+)");

    private final Map<String, DatabaseConfig> byName = new LinkedHashMap<>();
    private final Map<String, Placement> placed = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    private TopologyDeriver(List<DatabaseConfig> configs) {
        configs.forEach(config -> byName.putIfAbsent(config.name(), config));
    }

    /** Places {@code configs} (one environment, hidden entries included), keeping their order. */
    public static List<Placement> derive(List<DatabaseConfig> configs) {
        TopologyDeriver deriver = new TopologyDeriver(configs);
        List<Placement> placements = new ArrayList<>();
        for (DatabaseConfig config : deriver.byName.values()) {
            placements.add(deriver.place(config));
        }
        return placements;
    }

    private Placement place(DatabaseConfig config) {
        Placement done = placed.get(config.name());
        if (done != null) {
            return done;
        }
        if (!inProgress.add(config.name())) {
            throw new ConfigException("database.yml: " + REPLICA_OF + "/" + SHARD_OF + " of '" + config.label()
                    + "' forms a cycle. Point " + REPLICA_OF + " and " + SHARD_OF + " at a writer entry.");
        }
        Placement placement = derive(config);
        inProgress.remove(config.name());
        placed.put(config.name(), placement);
        return placement;
    }

    private Placement derive(DatabaseConfig config) {
        boolean replica = isReplica(config);
        Role role = explicitRole(config);
        Shard shard = explicitShard(config);
        Role fallbackRole = replica ? Role.READING : Role.WRITING;
        String replicaOf = config.string(REPLICA_OF);
        if (replicaOf != null) {
            Placement writer = writer(config, REPLICA_OF, replicaOf);
            return placement(config, writer.group(), or(shard, writer.shard()), or(role, Role.READING), replica);
        }
        String shardOf = config.string(SHARD_OF);
        if (shardOf != null) {
            if (shard == null) {
                throw new ConfigException("database.yml: '" + config.label() + "' has " + SHARD_OF + ": " + shardOf
                        + " but no " + SHARD + ":. Add " + SHARD + ": <name> to say which shard it is.");
            }
            Placement writer = writer(config, SHARD_OF, shardOf);
            return placement(config, writer.group(), shard, or(role, fallbackRole), replica);
        }
        String name = config.name();
        if (replica) {
            Matcher replicaName = REPLICA_NAME.matcher(name);
            if (replicaName.matches()) {
                return placeByWriterName(config, replicaName.group(1), shard, or(role, Role.READING));
            }
        }
        Matcher shardName = SHARD_NAME.matcher(name);
        if (shardName.matches()) {
            return placement(
                    config,
                    shardName.group(1),
                    or(shard, Shard.of(shardName.group(2))),
                    or(role, fallbackRole),
                    replica);
        }
        return placement(config, name, or(shard, Shard.DEFAULT), or(role, fallbackRole), replica);
    }

    /** A replica named {@code <w>_replica[_<n>]}: reads for {@code <w>}, else for the shard its name gives. */
    private Placement placeByWriterName(DatabaseConfig config, String writerName, Shard shard, Role role) {
        DatabaseConfig writer = byName.get(writerName);
        if (writer != null) {
            Placement writerPlacement = place(writer);
            return placement(config, writerPlacement.group(), or(shard, writerPlacement.shard()), role, true);
        }
        Matcher shardName = SHARD_NAME.matcher(writerName);
        if (shardName.matches()) {
            return placement(config, shardName.group(1), or(shard, Shard.of(shardName.group(2))), role, true);
        }
        return placement(config, writerName, or(shard, Shard.DEFAULT), role, true);
    }

    private Placement writer(DatabaseConfig config, String key, String writerName) {
        DatabaseConfig writer = byName.get(writerName);
        if (writer == null) {
            throw new ConfigException("database.yml: '" + config.label() + "' has " + key + ": " + writerName
                    + ", which is not a database of the '" + config.env() + "' environment. Known databases: "
                    + String.join(", ", byName.keySet()) + ".");
        }
        if (isReplica(writer)) {
            throw new ConfigException("database.yml: '" + config.label() + "' has " + key + ": " + writerName
                    + ", which is a replica. Point " + key + " at the writer entry.");
        }
        return place(writer);
    }

    /** {@code replica:} when given (also {@code replica: false}); else {@code replica_of:}; else the name. */
    private static boolean isReplica(DatabaseConfig config) {
        if (config.settings().containsKey(ConfigKeys.REPLICA)) {
            return config.replica();
        }
        return config.string(REPLICA_OF) != null
                || REPLICA_NAME.matcher(config.name()).matches();
    }

    private static Placement placement(DatabaseConfig config, String group, Shard shard, Role role, boolean replica) {
        return new Placement(config, group, shard, role, replica);
    }

    private static Role explicitRole(DatabaseConfig config) {
        String role = config.string(ROLE);
        return role == null || role.isBlank() ? null : Role.of(role.trim());
    }

    private static Shard explicitShard(DatabaseConfig config) {
        String shard = config.string(SHARD);
        return shard == null || shard.isBlank() ? null : Shard.of(shard.trim());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
