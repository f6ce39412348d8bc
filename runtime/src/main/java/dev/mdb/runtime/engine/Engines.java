package dev.mdb.runtime.engine;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.sql.Dialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The registered engines by {@code adapter:} name, built once from the {@link ServiceLoader}. Look-up is by exact
 * (lower-cased) name, so it is deterministic; two engines claiming one name is a start-up error naming both classes;
 * an unknown name is a {@link UnsupportedAdapterException} listing the known ones.
 */
public final class Engines {
    private static volatile Engines installed;
    private final Map<String, Engine> byAdapter;

    public Engines(Iterable<? extends Engine> engines) {
        Map<String, Engine> map = new TreeMap<>();
        for (Engine engine : engines) {
            for (String name : engine.adapterNames()) {
                Engine previous = map.putIfAbsent(name.toLowerCase(Locale.ROOT), engine);
                if (previous != null) {
                    throw new IllegalStateException("adapter '" + name + "' is claimed by both "
                            + previous.getClass().getName() + " and "
                            + engine.getClass().getName());
                }
            }
        }
        this.byAdapter = Map.copyOf(map);
    }

    /** The engines on the class path (this module's and any other jar's service entries), loaded once. */
    public static Engines installed() {
        Engines engines = installed;
        if (engines == null) {
            synchronized (Engines.class) {
                if (installed == null) {
                    installed = new Engines(ServiceLoader.load(Engine.class, Engines.class.getClassLoader()));
                }
                engines = installed;
            }
        }
        return engines;
    }

    /** The engine of {@code config}'s adapter; a missing or unknown adapter is a configuration error. */
    public Engine forConfig(DatabaseConfig config) {
        String adapter = config.adapter();
        if (adapter == null) {
            throw new ConfigException("database '" + config.name() + "' (" + config.label()
                    + ") has no adapter. Add 'adapter:' (one of " + known() + ") or a 'url:'.");
        }
        Engine engine = byAdapter.get(adapter.toLowerCase(Locale.ROOT));
        if (engine == null) {
            throw new UnsupportedAdapterException("database '" + config.name() + "' (" + config.label()
                    + ") uses unknown adapter '" + adapter + "'. Known adapters: " + known() + ".");
        }
        return engine;
    }

    /**
     * How to reach {@code config}'s database: its engine's {@link Engine#target target}, once the engine's {@link
     * Engine#driver() JDBC driver} is known to be on the class path. Every JDBC target is made here (the runtime's
     * pools, the replica checks, the tasks, the console), so a missing driver fails the first use of a database with
     * one line naming the entry, the adapter and the dependency to add, instead of JDBC's "No suitable driver".
     *
     * <p>Another driver on the class path that accepts the target's URL is good enough: e.g. MySQL Connector/J for an
     * entry whose {@code url:} is a verbatim {@code jdbc:mysql://} URL, where the engine names MariaDB's driver.
     *
     * @throws UnsupportedAdapterException when no engine handles the adapter
     * @throws MissingDriverException when the engine's driver class cannot be loaded and no other driver accepts the
     *     URL
     */
    public JdbcTarget target(DatabaseConfig config, Path projectDir) {
        Engine engine = forConfig(config);
        JdbcDriver driver = engine.driver();
        if (!driver.isPresent(engine.getClass().getClassLoader())) {
            JdbcTarget target = engine.target(config, projectDir);
            if (acceptedByAnotherDriver(target.url())) {
                return target;
            }
            throw new MissingDriverException("database '" + config.name() + "' (" + config.label() + ") uses adapter '"
                    + config.adapter() + "', which needs " + driver.description() + " (" + driver.coordinates()
                    + ") on the class path; " + driver.className() + " is not there. Add " + driver.coordinates()
                    + " to the application's dependencies.");
        }
        return engine.target(config, projectDir);
    }

    private static boolean acceptedByAnotherDriver(String url) {
        try {
            return java.sql.DriverManager.getDriver(url) != null;
        } catch (java.sql.SQLException e) {
            return false; // "No suitable driver"
        }
    }

    /**
     * The dialect of the engine handling {@code adapter} (any case), or {@link Dialect#GENERIC} when no engine does:
     * for SQL that is read before a configuration is validated.
     */
    public Dialect dialectFor(String adapter) {
        Engine engine = adapter == null ? null : byAdapter.get(adapter.trim().toLowerCase(Locale.ROOT));
        return engine == null ? Dialect.GENERIC : engine.dialect();
    }

    /** Every known adapter name, sorted, comma-separated. */
    public String known() {
        return String.join(", ", byAdapter.keySet().stream().sorted().toList());
    }

    /** The distinct engines, by name. */
    public List<Engine> engines() {
        return byAdapter.values().stream()
                .distinct()
                .sorted(java.util.Comparator.comparing(Engine::name))
                .toList();
    }
}
