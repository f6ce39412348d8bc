package dev.mdb.tasks.adapter.sqlite;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.spi.AdapterTasks;
import dev.mdb.tasks.spi.AdapterTasksProvider;
import java.nio.file.Path;
import java.util.Set;

/** Registers the {@code sqlite3} adapter (also spelled {@code sqlite}). */
public final class SqliteAdapterTasksProvider implements AdapterTasksProvider {
    @Override
    public Set<String> adapterNames() {
        return Set.of("sqlite3", "sqlite");
    }

    @Override
    public AdapterTasks forConfig(DatabaseConfig config, Path projectDir) {
        return new SqliteAdapterTasks(config, projectDir);
    }
}
