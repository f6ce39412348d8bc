package dev.mdb.tasks.adapter.sqlite;

import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.engine.sqlite.SqliteEngine;
import dev.mdb.runtime.engine.sqlite.SqliteTarget;
import dev.mdb.tasks.spi.AdapterTasks;
import dev.mdb.tasks.spi.AdapterTasksProvider;

/** Registers the SQLite task adapters for every engine of the {@code sqlite} family. */
public final class SqliteAdapterTasksProvider implements AdapterTasksProvider {
    @Override
    public String engine() {
        return SqliteEngine.NAME;
    }

    @Override
    public AdapterTasks forTarget(JdbcTarget target) {
        if (!(target instanceof SqliteTarget sqlite)) {
            throw new IllegalStateException("engine '" + target.engine().name() + "' of family '"
                    + target.engine().family() + "' must make SqliteTargets, not "
                    + target.getClass().getName());
        }
        return new SqliteAdapterTasks(sqlite);
    }
}
