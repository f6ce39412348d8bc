package dev.mdb.tasks.adapter.postgresql;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.spi.AdapterTasks;
import dev.mdb.tasks.spi.AdapterTasksProvider;
import java.nio.file.Path;
import java.util.Set;

/** Registers {@code postgresql}, {@code postgres} and {@code postgis}. */
public final class PostgresqlAdapterTasksProvider implements AdapterTasksProvider {
    @Override
    public Set<String> adapterNames() {
        return Set.of("postgresql", "postgres", "postgis");
    }

    @Override
    public AdapterTasks forConfig(DatabaseConfig config, Path projectDir) {
        return new PostgresqlAdapterTasks(config);
    }
}
