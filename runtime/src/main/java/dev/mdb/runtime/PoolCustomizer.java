package dev.mdb.runtime;

import com.zaxxer.hikari.HikariConfig;
import dev.mdb.config.DatabaseConfig;

/**
 * Adjusts the HikariCP configuration of each database.yml entry's pool before the pool is created (lazily, at the
 * entry's first use): {@code maxLifetime}, leak detection, {@code registerMbeans}, a metrics tracker. mdb has set the
 * URL, driver properties, pool size, timeouts and (for replicas) the read-only init SQL from the entry already;
 * changing those is possible but then the entry's database.yml keys no longer say what the pool does. Registered with
 * {@link Mdb.Builder#poolCustomizer(PoolCustomizer)}.
 */
@FunctionalInterface
public interface PoolCustomizer {
    void customize(DatabaseConfig entry, HikariConfig pool);
}
