package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.migrate.MigrationVersion;
import dev.mdb.tasks.spi.AdapterTasks;
import java.util.List;
import java.util.function.Function;

/**
 * The migration verbs of the facade, each over the configurations it is given: migrate, rollback, up, down, redo,
 * repair, status, version and pending. Verbs that change a database re-dump its schema file afterwards when {@link
 * TaskOptions#dumpSchemaAfterMigration()} says so (an entry's {@code dump_schema_after_migration: false} skips it).
 */
public final class MigrationTasks {
    private final TaskOptions options;
    private final PerDatabase runner;
    private final Migrator migrator;
    private final SchemaTasks schemas;
    private final Function<DatabaseConfig, AdapterTasks> adapters;

    MigrationTasks(
            TaskOptions options,
            PerDatabase runner,
            Migrator migrator,
            SchemaTasks schemas,
            Function<DatabaseConfig, AdapterTasks> adapters) {
        this.options = options;
        this.runner = runner;
        this.migrator = migrator;
        this.schemas = schemas;
        this.adapters = adapters;
    }

    /**
     * db:migrate: applies each database's pending migrations; on one database {@code target} migrates up or down to
     * it, over several only that version runs where it is pending, in order (Rails' {@code migrate_all}). With {@code
     * everyDatabase} every database is tried even after one failed (for a document that reports each). The schema
     * files of the databases that migrated are re-dumped when none failed, or with {@code everyDatabase}. The caller
     * renders the results, then calls {@link Results#raise()}.
     */
    public Results<MigrateResult> migrate(
            List<DatabaseConfig> configs, MigrationVersion target, boolean everyDatabase) {
        Results<MigrateResult> results;
        if (target != null && configs.size() > 1) {
            results = PerDatabase.inOrder(configs, config -> upIfPending(config, target));
        } else if (everyDatabase) {
            results = runner.mapAll(configs, config -> migrator.migrate(adapters.apply(config), target));
        } else {
            results = runner.map(configs, config -> migrator.migrate(adapters.apply(config), target));
        }
        if (everyDatabase || !results.failed()) {
            dumpAfterMigration(results.succeeded());
        }
        return results;
    }

    private MigrateResult upIfPending(DatabaseConfig config, MigrationVersion target) {
        AdapterTasks adapter = adapters.apply(config);
        boolean pending =
                migrator.pending(adapter).stream().anyMatch(p -> target.sameAs(new MigrationVersion(p.version())));
        if (!pending) {
            return MigrateResult.none();
        }
        migrator.up(adapter, target);
        return new MigrateResult(List.of(), List.of(target));
    }

    /** Every pending migration of each database, one database after the other; then the schema files. */
    void migrateInOrder(List<DatabaseConfig> configs) {
        PerDatabase.inOrder(configs, config -> migrator.migrate(adapters.apply(config), null))
                .raise();
        dumpAfterMigration(configs);
    }

    /** db:rollback: reverts the last {@code steps} migrations of one database; returns the versions reverted. */
    public List<MigrationVersion> rollback(DatabaseConfig config, int steps) {
        List<MigrationVersion> reverted = migrator.rollback(adapters.apply(config), steps);
        dumpAfterMigration(List.of(config));
        return reverted;
    }

    /** db:migrate:up: runs exactly one migration up. */
    public void up(DatabaseConfig config, MigrationVersion version) {
        migrator.up(adapters.apply(config), version);
        dumpAfterMigration(List.of(config));
    }

    /** db:migrate:down: reverts exactly one applied migration; one not applied is left alone. */
    public void down(DatabaseConfig config, MigrationVersion version) {
        migrator.down(adapters.apply(config), version);
        dumpAfterMigration(List.of(config));
    }

    /** db:migrate:redo: down and up of {@code version}, or (without one) rollback {@code steps} then migrate. */
    public void redo(DatabaseConfig config, MigrationVersion version, int steps) {
        AdapterTasks adapter = adapters.apply(config);
        if (version != null) {
            migrator.down(adapter, version);
            migrator.up(adapter, version);
        } else {
            migrator.rollback(adapter, steps);
            migrator.migrate(adapter, null);
        }
        dumpAfterMigration(List.of(config));
    }

    /** db:migrate:repair: removes failed history rows and accepts edited files, one database after the other. */
    public void repair(List<DatabaseConfig> configs) {
        for (DatabaseConfig config : configs) {
            migrator.repair(adapters.apply(config));
            if (options.verbose()) {
                options.reporter().out("Repaired the migration history of '" + config.database() + "'");
            }
        }
    }

    /** db:migrate:status: Rails' up/down table of each database. The caller renders, then raises. */
    public Results<MigrationStatus> status(List<DatabaseConfig> configs) {
        return runner.map(configs, config -> migrator.status(adapters.apply(config)));
    }

    /** db:version: the newest applied version of each database ({@code 0} for none). The caller renders, then raises. */
    public Results<String> version(List<DatabaseConfig> configs) {
        return runner.map(configs, config -> migrator.currentVersion(adapters.apply(config)));
    }

    /** The pending migrations of each database. The caller renders, then raises. */
    public Results<List<PendingMigration>> pending(List<DatabaseConfig> configs) {
        return runner.map(configs, config -> migrator.pending(adapters.apply(config)));
    }

    private void dumpAfterMigration(List<DatabaseConfig> configs) {
        if (options.dumpSchemaAfterMigration()) {
            schemas.dump(
                    configs.stream().filter(SchemaTasks::dumpsAfterMigration).toList());
        }
    }
}
