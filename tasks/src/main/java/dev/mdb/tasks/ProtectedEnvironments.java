package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.migrate.InternalMetadata;
import dev.mdb.tasks.migrate.SchemaHistory;
import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** Rails' protected-environment check, reading {@code mdb_internal_metadata}. */
final class ProtectedEnvironments {
    static final String DISABLE = "DISABLE_DATABASE_ENVIRONMENT_CHECK";
    private final TaskOptions options;
    private final Function<DatabaseConfig, AdapterTasks> adapters;

    ProtectedEnvironments(TaskOptions options, Function<DatabaseConfig, AdapterTasks> adapters) {
        this.options = options;
        this.adapters = adapters;
    }

    void check(List<DatabaseConfig> configs) {
        if (options.environment().containsKey(DISABLE)) {
            return;
        }
        for (DatabaseConfig config : configs) {
            if (!config.useMetadataTable()) {
                continue;
            }
            AdapterTasks adapter = adapters.apply(config);
            String stored = storedEnvironment(adapter);
            if (stored == null) {
                continue;
            }
            if (protectedEnvironments(config).contains(stored)) {
                throw new ProtectedEnvironmentException("You are attempting to run a destructive action against your '"
                        + stored + "' database (" + config.label() + "). If you are sure you want to continue, run"
                        + " the same command with the environment variable: " + DISABLE + "=1");
            }
            if (!stored.equals(config.env())) {
                throw new ProtectedEnvironmentException("You are attempting to modify a database that was last run in `"
                        + stored + "` environment (" + config.label() + "). You are running in `" + config.env()
                        + "` environment. If you are sure you want to continue, first set the environment using:"
                        + " mdb db:environment:set -e " + config.env());
            }
        }
    }

    /** The stored environment; null when the database is missing or has no migrations applied. */
    private static String storedEnvironment(AdapterTasks adapter) {
        try (Connection c = adapter.connect()) {
            if (SchemaHistory.applied(c).isEmpty()) {
                return null;
            }
            String stored = InternalMetadata.read(c, adapter, InternalMetadata.ENVIRONMENT);
            if (stored == null) {
                throw new ProtectedEnvironmentException("Environment data not found in the schema of "
                        + adapter.config().label() + ". To resolve this issue, run: mdb db:environment:set -e "
                        + adapter.config().env());
            }
            return stored;
        } catch (SQLException e) {
            if (DatabaseErrors.isNoDatabase(adapter, e)) {
                return null;
            }
            throw DatabaseErrors.translate(adapter, "check the environment of", e);
        }
    }

    private static List<String> protectedEnvironments(DatabaseConfig config) {
        Object value = config.settings().get("protected_environments");
        if (value instanceof List<?> list) {
            return list.stream().map(o -> o.toString().replaceFirst("^:", "")).toList();
        }
        return List.of("production");
    }
}
