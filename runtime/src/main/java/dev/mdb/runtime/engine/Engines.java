package dev.mdb.runtime.engine;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.sql.Dialect;
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
