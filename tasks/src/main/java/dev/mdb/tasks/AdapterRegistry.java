package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.Engine;
import dev.mdb.runtime.engine.Engines;
import dev.mdb.runtime.engine.UnsupportedAdapterException;
import dev.mdb.tasks.spi.AdapterTasks;
import dev.mdb.tasks.spi.AdapterTasksProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The task adapters of each engine family, built once from the ServiceLoader: a configuration's engine comes from
 * {@link Engines} (by adapter name), its tasks from the provider of the engine's {@link Engine#family()}. Two providers
 * for one family is a start-up error naming both classes.
 */
public final class AdapterRegistry {
    private final Engines engines;
    private final Map<String, AdapterTasksProvider> byFamily;

    AdapterRegistry(Engines engines, Iterable<AdapterTasksProvider> providers) {
        this.engines = engines;
        Map<String, AdapterTasksProvider> map = new TreeMap<>();
        for (AdapterTasksProvider provider : providers) {
            AdapterTasksProvider previous = map.putIfAbsent(provider.engine(), provider);
            if (previous != null) {
                throw new IllegalStateException("engine '" + provider.engine() + "' has task adapters from both "
                        + previous.getClass().getName() + " and "
                        + provider.getClass().getName());
            }
        }
        this.byFamily = Map.copyOf(map);
    }

    public static AdapterRegistry load() {
        return new AdapterRegistry(
                Engines.installed(),
                ServiceLoader.load(AdapterTasksProvider.class, AdapterRegistry.class.getClassLoader()));
    }

    /** The tasks of {@code config}; an unknown adapter, or an engine without task adapters, is a configuration error. */
    public AdapterTasks forConfig(DatabaseConfig config, Path projectDir) {
        Engine engine = engines.forConfig(config);
        AdapterTasksProvider provider = byFamily.get(engine.family());
        if (provider == null) {
            throw new UnsupportedAdapterException("database '" + config.name() + "' (" + config.label()
                    + ") uses adapter '" + config.adapter() + "' of engine '" + engine.name()
                    + "', which has no database tasks (family '" + engine.family() + "'). Engines with tasks: "
                    + String.join(", ", new TreeMap<>(byFamily).keySet()) + ".");
        }
        return provider.forTarget(engines.target(config, projectDir));
    }

    /** Every known adapter name, sorted, comma-separated. */
    public String known() {
        return engines.known();
    }
}
