package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.engine.ErrorKind;
import dev.mdb.tasks.generate.MigrationGenerator;
import dev.mdb.tasks.migrate.InternalMetadata;
import dev.mdb.tasks.spi.AdapterTasks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * The facade every command goes through, one verb per Rails task: it takes the selected configurations, works on each
 * (several at once with {@link TaskOptions#jobs()}, output grouped per database in config order), runs the
 * protected-environment check inside every destructive verb, prints Rails' progress lines, and delegates engine work
 * to the configuration's adapter. A verb that returns {@link Results} leaves the failures to the caller, which
 * renders what succeeded and then calls {@link Results#raise()}; every other verb throws on the first failure (or a
 * summary of several).
 */
public final class DatabaseTasks {
    private final TaskOptions options;
    private final AdapterRegistry registry;
    private final DatabaseSelection selection;
    private final PerDatabase runner;
    private final Migrator migrator;
    private final SchemaTasks schemas;
    private final LifecycleTasks lifecycle;
    private final ProtectedEnvironments protection;
    private final MigrationTasks migrationTasks;
    private final DatabaseConfigurations configs;

    public DatabaseTasks(DatabaseConfigurations configs, TaskOptions options, String source) {
        this(configs, options, AdapterRegistry.load(), source);
    }

    DatabaseTasks(DatabaseConfigurations configs, TaskOptions options, AdapterRegistry registry, String source) {
        GroupedReporter grouped = new GroupedReporter(options.reporter());
        this.configs = configs;
        this.options = options.withReporter(grouped);
        this.registry = registry;
        this.selection = new DatabaseSelection(configs, this.options, source);
        this.runner = new PerDatabase(options.jobs(), grouped, options.progress());
        this.migrator = new Migrator(this.options);
        this.schemas = new SchemaTasks(this.options, selection, this::adapter);
        this.lifecycle = new LifecycleTasks(this.options, selection, this::adapter);
        this.protection = new ProtectedEnvironments(this.options, this::adapter);
        FleetMigrator fleet = new FleetMigrator(this.options, migrator, grouped, options.progress(), this::adapter);
        this.migrationTasks = new MigrationTasks(this.options, runner, migrator, schemas, this::adapter, fleet);
    }

    /** Which configurations the tasks act on, with Rails' rules. */
    public DatabaseSelection select() {
        return selection;
    }

    public TaskOptions options() {
        return options;
    }

    /** The migration verbs: migrate, rollback, up, down, redo, repair, status, version and pending. */
    public MigrationTasks migrations() {
        return migrationTasks;
    }

    AdapterTasks adapter(DatabaseConfig config) {
        return registry.forConfig(config, options.projectDir());
    }

    /** db:create: creates each database; one that exists is reported ({@code Database 'x' already exists}). */
    public void create(List<DatabaseConfig> configs) {
        runner.map(configs, this::createOne).raise();
    }

    /** db:create:all: every local database of every environment, one after the other. */
    public void createAll() {
        PerDatabase.inOrder(selection.local(), this::createOne).raise();
    }

    /** db:drop (protected): drops each database; a missing one is reported ({@code Database 'x' does not exist}). */
    public void drop(List<DatabaseConfig> configs) {
        protection.check(configs);
        runner.map(configs, this::dropOne).raise();
    }

    /** db:drop:all (protected): every local database of every environment, one after the other. */
    public void dropAll() {
        List<DatabaseConfig> local = selection.local();
        protection.check(local);
        PerDatabase.inOrder(local, this::dropOne).raise();
    }

    /** db:purge (protected): empties each database (drop and recreate), one after the other. */
    public void purge(List<DatabaseConfig> configs) {
        protection.check(configs);
        PerDatabase.inOrder(configs, config -> {
                    AdapterTasks adapter = adapter(config);
                    try {
                        adapter.purge();
                    } catch (SQLException e) {
                        throw DatabaseErrors.translate(adapter, "purge database", e);
                    }
                    return null;
                })
                .raise();
    }

    private Void createOne(DatabaseConfig config) {
        AdapterTasks adapter = adapter(config);
        try {
            adapter.create();
            verbose("Created database '" + config.database() + "'", false);
        } catch (SQLException e) {
            if (adapter.classify(e) != ErrorKind.ALREADY_EXISTS) {
                throw withNextStep(DatabaseErrors.translate(adapter, "create database", e), adapter, "create");
            }
            verbose("Database '" + config.database() + "' already exists", true);
        }
        return null;
    }

    private Void dropOne(DatabaseConfig config) {
        AdapterTasks adapter = adapter(config);
        try {
            adapter.drop();
            verbose("Dropped database '" + config.database() + "'", false);
        } catch (SQLException e) {
            if (adapter.classify(e) != ErrorKind.NO_DATABASE) {
                throw withNextStep(DatabaseErrors.translate(adapter, "drop database", e), adapter, "drop");
            }
            verbose("Database '" + config.database() + "' does not exist", true);
        }
        return null;
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

    /** db:schema:dump: writes each database's schema file; shards sharing one file write it once. */
    public void dumpSchema(List<DatabaseConfig> configs) {
        runner.map(schemas.oneConfigPerFile(configs), config -> {
                    schemas.dump(List.of(config));
                    return null;
                })
                .raise();
    }

    /** db:schema:load (protected): empties each database and loads its schema file. */
    public void loadSchema(List<DatabaseConfig> configs) {
        protection.check(configs);
        runner.map(configs, config -> {
                    schemas.load(config);
                    return null;
                })
                .raise();
    }

    /**
     * db:test:prepare and db:test:load_schema (protected): empties each database and loads its schema file, one after
     * the other.
     */
    public void loadSchemaInOrder(List<DatabaseConfig> configs) {
        protection.check(configs);
        configs.forEach(schemas::load);
    }

    /** db:setup: create, load the schema files (protected), seed the current environment's databases. */
    public void setup(List<DatabaseConfig> configs) {
        configs.forEach(config -> createOne(config));
        loadSchemaInOrder(configs);
        seed(currentEnvironment(configs));
    }

    /** db:reset (protected): drop, create, load the schema files, seed the current environment's databases. */
    public void reset(List<DatabaseConfig> configs) {
        protection.check(configs);
        configs.forEach(this::dropOne);
        configs.forEach(this::createOne);
        configs.forEach(schemas::load);
        seed(currentEnvironment(configs));
    }

    /** db:migrate:reset (protected): drop, create, and migrate the current environment's databases. */
    public void migrateReset(List<DatabaseConfig> configs) {
        protection.check(configs);
        configs.forEach(this::dropOne);
        configs.forEach(this::createOne);
        migrationTasks.migrateInOrder(currentEnvironment(configs));
    }

    /**
     * db:prepare: creates missing databases, loads the schema only into databases without tables, migrates, re-dumps
     * the migrated ones, and seeds the databases just created (following {@code seeds}). Never clears a database.
     */
    public List<Prepared> prepare(List<DatabaseConfig> configs) {
        List<Prepared> results = lifecycle.prepare(configs, this::createOne, schemas, migrator);
        if (options.dumpSchemaAfterMigration()) {
            schemas.dump(results.stream()
                    .filter(p -> p.migrated() > 0)
                    .map(Prepared::config)
                    .filter(SchemaTasks::dumpsAfterMigration)
                    .toList());
        }
        for (Prepared p : results) {
            if (p.created() && p.config().env().equals(options.env()) && lifecycle.seeds(p.config())) {
                lifecycle.seed(p.config()); // quietly, as Rails' db:prepare does
            }
        }
        return results;
    }

    /** db:seed: runs each database's seed file ({@code db/seeds.sql}, {@code db/NAME_seeds.sql}), in order. */
    public void seed(List<DatabaseConfig> configs) {
        configs.forEach(this::seedOne);
    }

    private void seedOne(DatabaseConfig config) {
        if (lifecycle.seed(config)) {
            verbose("Seeded database '" + config.database() + "'", false);
        }
    }

    /** db:seed:replant (protected): empties every table but the bookkeeping ones, then seeds. */
    public void seedReplant(List<DatabaseConfig> configs) {
        truncateAll(configs);
        seed(configs);
    }

    /** db:truncate_all (protected): empties every table but the bookkeeping ones. */
    public void truncateAll(List<DatabaseConfig> configs) {
        protection.check(configs);
        configs.forEach(lifecycle::truncate);
    }

    /**
     * mdb generate migration: writes a V/U pair for {@code name} and {@code fields} into the first migrations path of
     * {@code database} (the primary when null), with column types for its engine.
     */
    public MigrationGenerator.Generated generateMigration(
            String database, String name, List<String> fields, Clock clock) {
        DatabaseConfig config = selection.named(
                database != null ? database : selection.primary().name());
        AdapterTasks adapter = adapter(config);
        Path directory = options.projectDir().resolve(config.migrationsPaths().get(0));
        return new MigrationGenerator(adapter.columnTypes(), clock)
                .generate(directory, migrator.files(adapter), name, fields);
    }

    /** db:replicas: every replica {@code spec} selects (null: all), probed once now. */
    public ReplicaCheck replicas(String spec) {
        selection.requireEnvironment();
        return ReplicaCheck.probe(configs, options, spec);
    }

    private List<DatabaseConfig> currentEnvironment(List<DatabaseConfig> configs) {
        return configs.stream().filter(c -> c.env().equals(options.env())).toList();
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
