package dev.mdb.tasks.adapter.mysql;

import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.engine.mysql.MysqlEngine;
import dev.mdb.runtime.engine.mysql.MysqlTarget;
import dev.mdb.tasks.spi.AdapterTasks;
import dev.mdb.tasks.spi.AdapterTasksProvider;

/** Registers the MySQL/MariaDB task adapters for every engine of the {@code mysql} family. */
public final class MysqlAdapterTasksProvider implements AdapterTasksProvider {
    @Override
    public String engine() {
        return MysqlEngine.NAME;
    }

    @Override
    public AdapterTasks forTarget(JdbcTarget target) {
        if (!(target instanceof MysqlTarget mysql)) {
            throw new IllegalStateException("engine '" + target.engine().name() + "' of family '"
                    + target.engine().family() + "' must make MysqlTargets, not "
                    + target.getClass().getName());
        }
        return new MysqlAdapterTasks(mysql);
    }
}
