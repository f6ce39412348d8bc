package dev.mdb.runtime.engine;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import java.time.Duration;

/**
 * The waits a connection bounds; null leaves the driver's or server's default. An engine maps them to driver
 * properties ({@link Engine#driverTimeouts}) and session statements ({@link Engine#sessionTimeouts}).
 *
 * @param connect establishing the connection
 * @param socket any one read from the server (a server that accepts TCP but never answers)
 * @param statement one statement's run time on the server
 * @param lockWait waiting for a lock held by another session
 */
public record Timeouts(Duration connect, Duration socket, Duration statement, Duration lockWait) {
    /** The connect timeout when database.yml gives none: long enough for a server far away, short enough for a deploy. */
    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);

    /**
     * The timeouts of a database.yml entry: {@code connect_timeout} (seconds, the Rails key of the pg and mysql2
     * adapters; default {@link #DEFAULT_CONNECT}), and {@code read_timeout} (seconds, mysql2's key; mdb reads it for
     * every server engine; no default: a migration may run for a long time). Statement and lock waits are the server's
     * own settings, given with {@code variables:}.
     */
    public static Timeouts of(DatabaseConfig config) {
        Duration connect = seconds(config, "connect_timeout");
        return new Timeouts(connect == null ? DEFAULT_CONNECT : connect, seconds(config, "read_timeout"), null, null);
    }

    private static Duration seconds(DatabaseConfig config, String key) {
        String value = config.string(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            if (seconds > 0 && !Double.isInfinite(seconds)) {
                return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("invalid " + key + " '" + value + "' for database '" + config.name() + "' ("
                + config.label() + "). Use a number of seconds greater than 0.");
    }

    /** Only a connect timeout. */
    public static Timeouts connect(Duration connect) {
        return new Timeouts(connect, null, null, null);
    }

    /** Whole seconds, rounded up, at least 1. */
    public static long ceilSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    /** Milliseconds, at least 1. */
    public static long millis(Duration duration) {
        return Math.max(1, duration.toMillis());
    }
}
