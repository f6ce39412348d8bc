package dev.mdb.tasks.adapter.postgresql;

import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.engine.ServerTarget;
import dev.mdb.runtime.engine.postgresql.PostgresqlEngine;
import dev.mdb.tasks.spi.AdapterTasks;
import dev.mdb.tasks.spi.AdapterTasksProvider;

/** Registers the PostgreSQL task adapters for every engine of the {@code postgresql} family. */
public final class PostgresqlAdapterTasksProvider implements AdapterTasksProvider {
    @Override
    public String engine() {
        return PostgresqlEngine.NAME;
    }

    @Override
    public AdapterTasks forTarget(JdbcTarget target) {
        if (!(target instanceof ServerTarget server)) {
            throw new IllegalStateException("engine '" + target.engine().name() + "' of family '"
                    + target.engine().family() + "' must make ServerTargets, not "
                    + target.getClass().getName());
        }
        return new PostgresqlAdapterTasks(server);
    }
}
