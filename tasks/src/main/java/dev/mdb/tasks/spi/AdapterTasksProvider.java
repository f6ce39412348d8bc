package dev.mdb.tasks.spi;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.JdbcTarget;
import java.nio.file.Path;

/**
 * Registers the task adapters of one engine family through {@code META-INF/services/dev.mdb.tasks.spi.AdapterTasksProvider}.
 * Stateless; one {@link AdapterTasks} is made per configuration. Adapter names belong to the engines ({@link
 * dev.mdb.runtime.engine.Engine#adapterNames()}); a provider names only the engine family it serves, so every engine
 * of that family (e.g. a PostgreSQL-wire database) gets these tasks, steered by its capabilities.
 */
public interface AdapterTasksProvider {
    /** The {@link dev.mdb.runtime.engine.Engine#family()} served, e.g. {@code postgresql}. */
    String engine();

    /** The tasks for the database {@code target} reaches (its engine belongs to {@link #engine()}'s family). */
    AdapterTasks forTarget(JdbcTarget target);

    /** The tasks for {@code config}, whose engine must belong to this provider's family; relative paths resolve against {@code projectDir}. */
    default AdapterTasks forConfig(DatabaseConfig config, Path projectDir) {
        return forTarget(JdbcTarget.of(config, projectDir));
    }
}
