package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.migrate.MigrationFiles;
import dev.mdb.tasks.migrate.MigrationVersion;
import dev.mdb.tasks.spi.AdapterTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final FleetMigrator fleet;

    MigrationTasks(
            TaskOptions options,
            PerDatabase runner,
            Migrator migrator,
            SchemaTasks schemas,
            Function<DatabaseConfig, AdapterTasks> adapters,
            FleetMigrator fleet) {
        this.options = options;
        this.runner = runner;
        this.migrator = migrator;
        this.schemas = schemas;
        this.adapters = adapters;
        this.fleet = fleet;
    }

    /**
     * db:migrate: applies the pending migrations of every database in Rails' order, in parallel where the order allows
     * ({@link FleetMigrator}); on one database {@code target} migrates up or down to it, over several only that version
     * runs where it is pending, in order (Rails' {@code migrate_all}). The schema files of the databases that migrated
     * are re-dumped, also when another database failed. The caller renders the results, then calls {@link
     * Results#raise()}.
     */
    public Results<MigrateResult> migrate(List<DatabaseConfig> configs, MigrationVersion target, FleetOptions how) {
        Results<MigrateResult> results;
        if (target == null) {
            // Each database's schema is re-dumped as soon as its migrations are over, on their connection, while
            // the others still migrate.
            results = fleet.migrate(configs, how, how.dryRun() ? null : dumper());
            return results;
        } else if (how.dryRun()) {
            results = PerDatabase.inOrder(
                    configs, config -> migrator.plan(adapters.apply(config), target, configs.size() > 1));
        } else if (configs.size() > 1) {
            results = PerDatabase.inOrder(configs, config -> upIfPending(config, target));
        } else {
            results = PerDatabase.inOrder(configs, config -> migrator.migrate(adapters.apply(config), target));
        }
        if (!how.dryRun()) {
            dumpAfterMigration(results.all().stream()
                    .filter(r -> r.ok() && r.value().migrated())
                    .map(DatabaseResult::config)
                    .toList());
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

    /** Every pending migration of each database, in Rails' order; then the schema files. */
    void migrateInOrder(List<DatabaseConfig> configs) {
        fleet.migrate(configs, FleetOptions.stopOnError(), dumper()).raise();
    }

    /** db:rollback --dry-run: the down migrations a rollback of {@code steps} would run, newest first. */
    public List<PlannedMigration> planRollback(DatabaseConfig config, int steps) {
        return migrator.planRollback(adapters.apply(config), steps);
    }

    /** db:migrate:up/down --dry-run: the one migration that would run ({@code up}) or be reverted, or none. */
    public List<PlannedMigration> planOne(DatabaseConfig config, MigrationVersion version, boolean up) {
        return migrator.planOne(adapters.apply(config), version, up);
    }

    /**
     * db:migrate:redo --dry-run: the down migrations, then the ups that would run again. Without a version these are
     * the rolled-back ones followed by every pending migration, as migrate after the rollback would run them.
     */
    public List<PlannedMigration> planRedo(DatabaseConfig config, MigrationVersion version, int steps) {
        AdapterTasks adapter = adapters.apply(config);
        List<PlannedMigration> planned = new ArrayList<>();
        if (version != null) {
            List<PlannedMigration> down = migrator.planOne(adapter, version, false);
            planned.addAll(down);
            // Applied: the up runs again after the down; not applied: only the up runs.
            planned.addAll(
                    down.isEmpty()
                            ? migrator.planOne(adapter, version, true)
                            : List.of(migrator.planAgain(adapter, version)));
            return planned;
        }
        List<PlannedMigration> downs = migrator.planRollback(adapter, steps);
        planned.addAll(downs);
        downs.forEach(d -> planned.add(migrator.planAgain(adapter, new MigrationVersion(d.version()))));
        migrator.plan(adapter, null, false).planned().stream()
                .filter(p -> downs.stream().noneMatch(d -> d.version().equals(p.version())))
                .forEach(planned::add);
        planned.subList(downs.size(), planned.size())
                .sort(Comparator.comparing(p -> new MigrationVersion(p.version())));
        return planned;
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
        Map<List<String>, MigrationFiles> scans = new ConcurrentHashMap<>();
        return runner.map(configs, config -> migrator.status(adapters.apply(config), scans));
    }

    /** db:version: the newest applied version of each database ({@code 0} for none). The caller renders, then raises. */
    public Results<String> version(List<DatabaseConfig> configs) {
        return runner.map(configs, config -> migrator.currentVersion(adapters.apply(config)));
    }

    /** The pending migrations of each database. The caller renders, then raises. */
    public Results<List<PendingMigration>> pending(List<DatabaseConfig> configs) {
        return runner.map(configs, config -> migrator.pending(adapters.apply(config)));
    }

    /** Re-dumps a database's schema file after migrating, when the options and its entry say so, each file once. */
    private FleetMigrator.Finished dumper() {
        if (!options.dumpSchemaAfterMigration()) {
            return null;
        }
        Set<Path> written = ConcurrentHashMap.newKeySet();
        return (config, connection) -> {
            if (SchemaTasks.dumpsAfterMigration(config)) {
                schemas.dumpOnce(config, connection, written);
            }
        };
    }

    /** Re-dumps the schema files of {@code configs}, in parallel, each file once. */
    private void dumpAfterMigration(List<DatabaseConfig> configs) {
        if (options.dumpSchemaAfterMigration()) {
            List<DatabaseConfig> dumped = schemas.oneConfigPerFile(
                    configs.stream().filter(SchemaTasks::dumpsAfterMigration).toList());
            runner.map(dumped, config -> schemas.dump(List.of(config))).raise();
        }
    }
}
