package dev.mdb.tasks;

import dev.mdb.config.Causes;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.migrate.SchemaHistory;
import dev.mdb.tasks.schema.SchemaLoader;
import dev.mdb.tasks.schema.UserTables;
import dev.mdb.tasks.spi.AdapterTasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The steps of db:prepare, the seeds and db:truncate_all: lifecycle work that builds on create, migrate and schema files. */
final class LifecycleTasks {
    private final TaskOptions options;
    private final DatabaseSelection selection;
    private final Function<DatabaseConfig, AdapterTasks> adapters;

    LifecycleTasks(TaskOptions options, DatabaseSelection selection, Function<DatabaseConfig, AdapterTasks> adapters) {
        this.options = options;
        this.selection = selection;
        this.adapters = adapters;
    }

    /**
     * db:prepare's work on each database, one after the other: creates it when missing (with {@code create}), loads
     * the schema only into a database without tables, migrates. Never clears a database.
     */
    List<Prepared> prepare(
            List<DatabaseConfig> configs, Consumer<DatabaseConfig> create, SchemaTasks schemas, Migrator migrator) {
        List<Prepared> results = new ArrayList<>();
        for (DatabaseConfig config : configs) {
            results.add(prepareOne(config, create, schemas, migrator));
        }
        return results;
    }

    private Prepared prepareOne(
            DatabaseConfig config, Consumer<DatabaseConfig> create, SchemaTasks schemas, Migrator migrator) {
        AdapterTasks adapter = adapters.apply(config);
        boolean created = false;
        try {
            adapter.connect().close();
        } catch (SQLException e) {
            if (!DatabaseErrors.isNoDatabase(adapter, e)) {
                throw DatabaseErrors.translate(adapter, "prepare", e);
            }
            create.accept(config);
            created = true;
        }
        boolean loaded = false;
        State state = state(adapter);
        if (state.tables().isEmpty() && !state.hasHistory()) {
            if (schemas.file(config).filter(Files::exists).isPresent()) {
                // Never purge here: the emptiness check sees only tables of the current schema.
                schemas.loadWithoutPurge(config);
                loaded = true;
            }
        } else if (!state.hasHistory()) {
            throw new TaskFailedException("database '" + config.database() + "' (" + config.label() + ") has tables ("
                    + String.join(
                            ", ",
                            state.tables().subList(0, Math.min(5, state.tables().size())))
                    + (state.tables().size() > 5 ? ", …" : "") + ") but no migration history, so db:prepare will not"
                    + " load a schema or run migrations over it. If the database is disposable, run `mdb db:reset:"
                    + config.name() + "` (or `mdb db:migrate:reset:" + config.name() + "` without a schema file);"
                    + " if these tables are not created by your migrations, `mdb db:migrate:" + config.name()
                    + "` applies every migration beside them.");
        }
        int migrated = migrator.migrateCounting(adapter);
        return new Prepared(config, created, loaded, migrated);
    }

    private record State(List<String> tables, boolean hasHistory) {}

    private static State state(AdapterTasks adapter) {
        try (Connection c = adapter.connect()) {
            return new State(
                    UserTables.list(c, adapter.engine().catalog()), SchemaHistory.tableExists(c, SchemaHistory.TABLE));
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "inspect", e);
        }
    }

    /** Rails' {@code seeds} key: default true for the primary, false for the others. */
    boolean seeds(DatabaseConfig config) {
        Object value = config.settings().get("seeds");
        if (value == null) {
            return selection.isPrimary(config);
        }
        return Boolean.TRUE.equals(value) || "true".equals(value.toString());
    }

    /** {@code db/seeds.sql} for the primary, {@code db/NAME_seeds.sql} for the others. */
    Path seedFile(DatabaseConfig config) {
        String name = selection.isPrimary(config) ? "seeds.sql" : config.name() + "_seeds.sql";
        return options.projectDir().resolve("db").resolve(name);
    }

    /** Runs the config's seed file, if it has one, in one transaction where the engine allows. */
    boolean seed(DatabaseConfig config) {
        Path file = seedFile(config);
        if (!Files.exists(file)) {
            return false;
        }
        AdapterTasks adapter = adapters.apply(config);
        try (Connection c = adapter.connect()) {
            c.setAutoCommit(false);
            try {
                SchemaLoader.load(c, Files.readString(file, StandardCharsets.UTF_8), adapter.dialect());
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "run " + file + " on", e);
        } catch (IOException e) {
            throw new TaskFailedException("can't read " + file + ": " + Causes.of(e), e);
        }
        return true;
    }

    /** Empties every table of {@code config}'s database but the bookkeeping ones (db:truncate_all). */
    void truncate(DatabaseConfig config) {
        AdapterTasks adapter = adapters.apply(config);
        try (Connection c = adapter.connect()) {
            adapter.truncate(c, UserTables.list(c, adapter.engine().catalog()));
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "truncate the tables of", e);
        }
    }
}
