package dev.mdb.runtime.internal;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import java.time.Duration;
import java.util.Locale;

/**
 * Replica keys of database.yml. On a replica entry: {@code weight} (whole number ≥ 1, default 1) and {@code
 * max_replication_lag} (seconds, default 5). On the writer entry, for all of its replicas: {@code replica_balancing}
 * ({@code round_robin}, default, honouring weights; {@code weighted} is the same; {@code least_in_flight}), {@code
 * no_replica_policy} ({@code primary_fallback}, default, or {@code fail}), {@code health_check_interval} (seconds,
 * default 1), {@code health_check_timeout} (seconds, default 1), {@code health_check_max_backoff} (seconds, default 1:
 * the longest wait between two probes of a replica that is down) and a default {@code max_replication_lag}.
 */
public final class ReplicaSettings {
    public static final String WEIGHT = "weight";
    public static final String MAX_REPLICATION_LAG = "max_replication_lag";
    public static final String BALANCING = "replica_balancing";
    public static final String NO_REPLICA_POLICY = "no_replica_policy";
    public static final String INTERVAL = "health_check_interval";
    public static final String TIMEOUT = "health_check_timeout";
    public static final String MAX_BACKOFF = "health_check_max_backoff";

    /** How a replica set spreads reads. */
    public enum Balancing {
        ROUND_ROBIN,
        LEAST_IN_FLIGHT
    }

    private ReplicaSettings() {}

    public static int weight(DatabaseConfig replica) {
        String value = replica.string(WEIGHT);
        if (value == null) {
            return 1;
        }
        try {
            int weight = Integer.parseInt(value.trim());
            if (weight >= 1 && weight <= 1000) {
                return weight;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(replica, WEIGHT, value, "Use a whole number from 1 to 1000.");
    }

    public static Duration maxReplicationLag(DatabaseConfig replica, DatabaseConfig writer) {
        if (replica.string(MAX_REPLICATION_LAG) != null) {
            return seconds(replica, MAX_REPLICATION_LAG, 5);
        }
        return writer == null ? Duration.ofSeconds(5) : seconds(writer, MAX_REPLICATION_LAG, 5);
    }

    public static Balancing balancing(DatabaseConfig writer) {
        String value = writer == null ? null : writer.string(BALANCING);
        if (value == null) {
            return Balancing.ROUND_ROBIN;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "round_robin", "weighted" -> Balancing.ROUND_ROBIN;
            case "least_in_flight" -> Balancing.LEAST_IN_FLIGHT;
            default -> throw invalid(writer, BALANCING, value, "Use round_robin, weighted or least_in_flight.");
        };
    }

    /** Whether reads fail (instead of going to the primary) when no replica is in rotation. */
    public static boolean failWithoutReplica(DatabaseConfig writer) {
        String value = writer == null ? null : writer.string(NO_REPLICA_POLICY);
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "primary_fallback" -> false;
            case "fail" -> true;
            default -> throw invalid(writer, NO_REPLICA_POLICY, value, "Use primary_fallback or fail.");
        };
    }

    public static Duration interval(DatabaseConfig writer) {
        return writer == null ? Duration.ofSeconds(1) : seconds(writer, INTERVAL, 1);
    }

    public static Duration timeout(DatabaseConfig writer) {
        return writer == null ? Duration.ofSeconds(1) : seconds(writer, TIMEOUT, 1);
    }

    public static Duration maxBackoff(DatabaseConfig writer) {
        return writer == null ? Duration.ofSeconds(1) : seconds(writer, MAX_BACKOFF, 1);
    }

    private static Duration seconds(DatabaseConfig config, String key, double fallback) {
        String value = config.string(key);
        double seconds = fallback;
        if (value != null) {
            try {
                seconds = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw invalid(config, key, value, "Use a number of seconds, e.g. 0.5.");
            }
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static ConfigException invalid(DatabaseConfig config, String key, String value, String fix) {
        return new ConfigException("invalid " + key + " '" + value + "' for database '" + config.name() + "' ("
                + config.label() + "). " + fix);
    }
}
