package dev.mdb.runtime.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.PoolCustomizer;
import dev.mdb.runtime.engine.Capability;
import dev.mdb.runtime.engine.JdbcTarget;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HikariCP pool per database.yml entry, created on first use and closed with the owner. Two routes that point
 * at the same entry share its pool. Pool settings come from the entry: {@code pool} (or {@code max_connections}),
 * {@code checkout_timeout} (seconds), {@code idle_timeout} (seconds), {@code min_connections}.
 */
public final class TargetPools implements AutoCloseable {
    private final Targets targets;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private final PoolCustomizer customizer;

    public TargetPools(Targets targets) {
        this(targets, null);
    }

    /** {@code customizer} (may be null) adjusts each pool's configuration before the pool is created. */
    public TargetPools(Targets targets, PoolCustomizer customizer) {
        this.targets = targets;
        this.customizer = customizer;
    }

    /** The pool of entry {@code name}, created on first call. */
    public HikariDataSource pool(String name) {
        if (closed) {
            throw new IllegalStateException("mdb is closed: no pool for '" + name + "'");
        }
        return pools.computeIfAbsent(name, n -> create(targets.target(n)));
    }

    /** Pools created so far, by entry name (for diagnostics and tests). */
    public Map<String, HikariDataSource> created() {
        return Map.copyOf(pools);
    }

    private HikariDataSource create(JdbcTarget target) {
        DatabaseConfig config = target.config();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("mdb-" + config.env() + "-" + config.name());
        hikari.setJdbcUrl(target.url());
        hikari.setDataSourceProperties(target.properties());
        hikari.setMaximumPoolSize(intSetting(config, 5, "pool", "max_connections"));
        hikari.setMinimumIdle(intSetting(config, 0, "min_connections"));
        hikari.setConnectionTimeout(seconds(config, "checkout_timeout", 5));
        hikari.setIdleTimeout(Math.max(10_000, seconds(config, "idle_timeout", 300)));
        if (config.replica() && target.engine().has(Capability.READ_ONLY_SESSIONS)) {
            // A replica entry is read-only for its whole life: set once per physical connection, not per borrow.
            hikari.setConnectionInitSql(target.engine().readOnlySessionSql(true));
        }
        // Fail at first use, not at construction: pools are lazy and a replica may be down at start.
        hikari.setInitializationFailTimeout(-1);
        if (customizer != null) {
            customizer.customize(config, hikari);
        }
        return new HikariDataSource(hikari);
    }

    private static int intSetting(DatabaseConfig config, int fallback, String... keys) {
        for (String key : keys) {
            String value = config.string(key);
            if (value != null) {
                try {
                    return Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new ConfigException("invalid " + key + " '" + value + "' for database '" + config.name()
                            + "' (" + config.label() + "). Use a whole number.");
                }
            }
        }
        return fallback;
    }

    private static long seconds(DatabaseConfig config, String key, int fallback) {
        String value = config.string(key);
        if (value == null) {
            return fallback * 1000L;
        }
        try {
            return Math.round(Double.parseDouble(value.trim()) * 1000);
        } catch (NumberFormatException e) {
            throw new ConfigException("invalid " + key + " '" + value + "' for database '" + config.name() + "' ("
                    + config.label() + "). Use a number of seconds.");
        }
    }

    @Override
    public void close() {
        closed = true;
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }
}
