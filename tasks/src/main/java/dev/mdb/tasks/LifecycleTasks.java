package dev.mdb.tasks;

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

/** db:prepare, seeds and db:truncate_all: the lifecycle work that builds on create, migrate and schema files. */
public final class LifecycleTasks {
    private final DatabaseTasks tasks;

    LifecycleTasks(DatabaseTasks tasks) {
        this.tasks = tasks;
    }

    /** What db:prepare did to one database. */
    public record Prepared(DatabaseConfig config, boolean created, boolean schemaLoaded, int migrated) {}

    /**
     * Creates missing databases, loads the schema only into databases without tables, migrates, re-dumps the
     * migrated ones, and seeds the databases just created (following {@code seeds}). Never clears a database.
     */
    public List<Prepared> prepare(List<DatabaseConfig> configs, boolean dumpAfter) {
        List<Prepared> results = new ArrayList<>();
        for (DatabaseConfig config : configs) {
            results.add(prepareOne(config));
        }
        List<DatabaseConfig> migrated = results.stream()
                .filter(p -> p.migrated() > 0)
                .map(Prepared::config)
                .filter(SchemaTasks::dumpsAfterMigration)
                .toList();
        if (dumpAfter) {
            tasks.schemas().dump(migrated);
        }
        for (Prepared p : results) {
            if (p.created() && p.config().env().equals(tasks.options().env()) && seeds(p.config())) {
                seed(p.config());
            }
        }
        return results;
    }

    private Prepared prepareOne(DatabaseConfig config) {
        AdapterTasks adapter = tasks.adapter(config);
        boolean created = false;
        try {
            adapter.connect().close();
        } catch (SQLException e) {
            if (!DatabaseErrors.isNoDatabase(adapter, e)) {
                throw DatabaseErrors.translate(adapter, "prepare", e);
            }
            tasks.create(List.of(config));
            created = true;
        }
        boolean loaded = false;
        State state = state(adapter);
        if (state.tables().isEmpty() && !state.hasHistory()) {
            if (tasks.schemas().file(config).filter(Files::exists).isPresent()) {
                // Never purge here: the emptiness check sees only tables of the current schema.
                tasks.schemas().loadWithoutPurge(config);
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
        int migrated = tasks.migrations().migrateCounting(adapter);
        return new Prepared(config, created, loaded, migrated);
    }

    private record State(List<String> tables, boolean hasHistory) {}

    private static State state(AdapterTasks adapter) {
        try (Connection c = adapter.connect()) {
            return new State(UserTables.list(c), SchemaHistory.tableExists(c, SchemaHistory.TABLE));
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "inspect", e);
        }
    }

    /** Rails' {@code seeds} key: default true for the primary, false for the others. */
    public boolean seeds(DatabaseConfig config) {
        Object value = config.settings().get("seeds");
        if (value == null) {
            return tasks.select().isPrimary(config);
        }
        return Boolean.TRUE.equals(value) || "true".equals(value.toString());
    }

    /** {@code db/seeds.sql} for the primary, {@code db/NAME_seeds.sql} for the others. */
    public Path seedFile(DatabaseConfig config) {
        String name = tasks.select().isPrimary(config) ? "seeds.sql" : config.name() + "_seeds.sql";
        return tasks.options().projectDir().resolve("db").resolve(name);
    }

    /** Runs the config's seed file, if it has one, in one transaction where the engine allows. */
    public boolean seed(DatabaseConfig config) {
        Path file = seedFile(config);
        if (!Files.exists(file)) {
            return false;
        }
        AdapterTasks adapter = tasks.adapter(config);
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
            throw new TaskFailedException("can't read " + file + ": " + e.getMessage(), e);
        }
        return true;
    }

    /** db:truncate_all: empties every table but the bookkeeping ones. */
    public void truncateAll(List<DatabaseConfig> configs) {
        tasks.checkProtectedEnvironments(configs);
        for (DatabaseConfig config : configs) {
            AdapterTasks adapter = tasks.adapter(config);
            try (Connection c = adapter.connect()) {
                adapter.truncate(c, UserTables.list(c));
            } catch (SQLException e) {
                throw DatabaseErrors.translate(adapter, "truncate the tables of", e);
            }
        }
    }
}
