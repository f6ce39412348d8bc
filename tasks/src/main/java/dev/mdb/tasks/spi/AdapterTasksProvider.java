package dev.mdb.tasks.spi;

import dev.mdb.config.DatabaseConfig;
import java.nio.file.Path;
import java.util.Set;

/**
 * Registers adapters through {@code META-INF/services/dev.mdb.tasks.spi.AdapterTasksProvider}. Stateless; one
 * {@link AdapterTasks} is made per configuration.
 */
public interface AdapterTasksProvider {
    /** The {@code adapter:} names handled, e.g. {@code postgresql}, {@code postgis}. */
    Set<String> adapterNames();

    /** {@code projectDir} is where relative paths (SQLite files) resolve. */
    AdapterTasks forConfig(DatabaseConfig config, Path projectDir);
}
