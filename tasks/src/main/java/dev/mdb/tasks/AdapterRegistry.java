package dev.mdb.tasks;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.spi.AdapterTasks;
import dev.mdb.tasks.spi.AdapterTasksProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Adapter providers by exact name, built once from the ServiceLoader. */
public final class AdapterRegistry {
    private final Map<String, AdapterTasksProvider> byName;

    AdapterRegistry(Iterable<AdapterTasksProvider> providers) {
        Map<String, AdapterTasksProvider> map = new TreeMap<>();
        for (AdapterTasksProvider provider : providers) {
            for (String name : provider.adapterNames()) {
                AdapterTasksProvider previous = map.putIfAbsent(name, provider);
                if (previous != null) {
                    throw new IllegalStateException("adapter '" + name + "' is claimed by both "
                            + previous.getClass().getName() + " and "
                            + provider.getClass().getName());
                }
            }
        }
        this.byName = Map.copyOf(map);
    }

    public static AdapterRegistry load() {
        return new AdapterRegistry(
                ServiceLoader.load(AdapterTasksProvider.class, AdapterRegistry.class.getClassLoader()));
    }

    public AdapterTasks forConfig(DatabaseConfig config, Path projectDir) {
        String adapter = config.adapter();
        if (adapter == null) {
            throw new ConfigException("database '" + config.name() + "' (" + config.label()
                    + ") has no adapter. Add 'adapter:' (one of " + known() + ") or a 'url:'.");
        }
        AdapterTasksProvider provider = byName.get(adapter);
        if (provider == null) {
            throw new UnsupportedAdapterException("database '" + config.name() + "' (" + config.label()
                    + ") uses unknown adapter '" + adapter + "'. Known adapters: " + known() + ".");
        }
        return provider.forConfig(config, projectDir);
    }

    public String known() {
        return String.join(", ", new TreeMap<>(byName).keySet());
    }
}
