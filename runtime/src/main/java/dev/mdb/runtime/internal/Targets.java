package dev.mdb.runtime.internal;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.JdbcTarget;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The JDBC target of each database.yml entry of one environment, made once by its engine and shared by the routing
 * data sources, the replica checks and the pools.
 */
public final class Targets {
    private final Path projectDir;
    private final Function<String, DatabaseConfig> configs;
    private final Map<String, JdbcTarget> targets = new ConcurrentHashMap<>();

    public Targets(Path projectDir, Function<String, DatabaseConfig> configs) {
        this.projectDir = projectDir;
        this.configs = configs;
    }

    /** The target of entry {@code name}, made on first call. */
    public JdbcTarget target(String name) {
        JdbcTarget target = targets.get(name);
        return target != null
                ? target
                : targets.computeIfAbsent(name, n -> JdbcTarget.of(configs.apply(n), projectDir));
    }
}
