package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.engine.ErrorKind;
import dev.mdb.tasks.migrate.InternalMetadata;
import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The facade every command goes through: iterates configurations, prints Rails' messages, runs the
 * protected-environment check, and delegates engine work to the adapter.
 */
public final class DatabaseTasks {
    private final TaskOptions options;
    private final AdapterRegistry registry;
    private final DatabaseSelection selection;
    private final MigrationTasks migrations;
    private final SchemaTasks schemas;
    private final LifecycleTasks lifecycle;

    public DatabaseTasks(DatabaseConfigurations configs, TaskOptions options, AdapterRegistry registry, String source) {
        this.options = options;
        this.registry = registry;
        this.selection = new DatabaseSelection(configs, options, source);
        this.migrations = new MigrationTasks(options);
        this.schemas = new SchemaTasks(this);
        this.lifecycle = new LifecycleTasks(this);
    }

    public SchemaTasks schemas() {
        return schemas;
    }

    public LifecycleTasks lifecycle() {
        return lifecycle;
    }

    public DatabaseSelection select() {
        return selection;
    }

    public MigrationTasks migrations() {
        return migrations;
    }

    public TaskOptions options() {
        return options;
    }

    public AdapterTasks adapter(DatabaseConfig config) {
        return registry.forConfig(config, options.projectDir());
    }

    public void create(List<DatabaseConfig> configs) {
        for (DatabaseConfig config : configs) {
            AdapterTasks adapter = adapter(config);
            try {
                adapter.create();
                verbose("Created database '" + config.database() + "'", false);
            } catch (SQLException e) {
                if (adapter.classify(e) == ErrorKind.ALREADY_EXISTS) {
                    verbose("Database '" + config.database() + "' already exists", true);
                } else {
                    throw withNextStep(DatabaseErrors.translate(adapter, "create database", e), adapter, "create");
                }
            }
        }
    }

    public void drop(List<DatabaseConfig> configs) {
        checkProtectedEnvironments(configs);
        for (DatabaseConfig config : configs) {
            AdapterTasks adapter = adapter(config);
            try {
                adapter.drop();
                verbose("Dropped database '" + config.database() + "'", false);
            } catch (SQLException e) {
                if (adapter.classify(e) == ErrorKind.NO_DATABASE) {
                    verbose("Database '" + config.database() + "' does not exist", true);
                } else {
                    throw withNextStep(DatabaseErrors.translate(adapter, "drop database", e), adapter, "drop");
                }
            }
        }
    }

    public void purge(List<DatabaseConfig> configs) {
        checkProtectedEnvironments(configs);
        for (DatabaseConfig config : configs) {
            AdapterTasks adapter = adapter(config);
            try {
                adapter.purge();
            } catch (SQLException e) {
                throw DatabaseErrors.translate(adapter, "purge database", e);
            }
        }
    }

    private static RuntimeException withNextStep(RuntimeException e, AdapterTasks adapter, String verb) {
        if (e instanceof TaskFailedException && !(e instanceof NoSuchDatabaseException)) {
            return new TaskFailedException(
                    e.getMessage() + ". Couldn't " + verb + " '"
                            + adapter.config().database() + "' database. Please check your configuration.",
                    e.getCause());
        }
        return e;
    }

    /** Rails' check_protected_environments!: refuses destructive work on a production database. */
    public void checkProtectedEnvironments(List<DatabaseConfig> configs) {
        new ProtectedEnvironments(this).check(configs);
    }

    /** db:environment:set: stores the current environment in the primary's metadata table. */
    public void setEnvironment() {
        DatabaseConfig primary = selection.primary();
        AdapterTasks adapter = adapter(primary);
        if (!primary.useMetadataTable()) {
            throw new TaskFailedException("You are attempting to store the environment in a database where metadata"
                    + " is disabled. Check your database configuration to see if this is intended.");
        }
        try (Connection c = adapter.connect()) {
            InternalMetadata.write(c, adapter, InternalMetadata.ENVIRONMENT, options.env());
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "store the environment in", e);
        }
    }

    private void verbose(String line, boolean toErr) {
        if (!options.verbose()) {
            return;
        }
        if (toErr) {
            options.reporter().err(line);
        } else {
            options.reporter().out(line);
        }
    }
}
