package dev.mdb.tasks.adapter.mysql;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.spi.AdapterTasks;
import dev.mdb.tasks.spi.AdapterTasksProvider;
import java.nio.file.Path;
import java.util.Set;

/** Registers {@code mysql2}, {@code mysql}, {@code trilogy} and {@code mariadb}. */
public final class MysqlAdapterTasksProvider implements AdapterTasksProvider {
    @Override
    public Set<String> adapterNames() {
        return Set.of("mysql2", "mysql", "trilogy", "mariadb");
    }

    @Override
    public AdapterTasks forConfig(DatabaseConfig config, Path projectDir) {
        return new MysqlAdapterTasks(config);
    }
}
