package dev.mdb.tasks;

import dev.mdb.config.MdbException;
import dev.mdb.tasks.migrate.AppliedMigration;
import dev.mdb.tasks.migrate.DownMigrator;
import dev.mdb.tasks.migrate.FlywayMigrator;
import dev.mdb.tasks.migrate.InternalMetadata;
import dev.mdb.tasks.migrate.MigrationErrors;
import dev.mdb.tasks.migrate.MigrationFile;
import dev.mdb.tasks.migrate.MigrationFiles;
import dev.mdb.tasks.migrate.MigrationLock;
import dev.mdb.tasks.migrate.MigrationOutput;
import dev.mdb.tasks.migrate.MigrationVersion;
import dev.mdb.tasks.migrate.SchemaHistory;
import dev.mdb.tasks.spi.AdapterTasks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.flywaydb.core.api.FlywayException;

/** Migration work on one database: migrate, rollback, up, down, status, version, pending, repair. */
final class Migrator {
    private final TaskOptions options;
    private final MigrationOutput output;

    Migrator(TaskOptions options) {
        this.options = options;
        this.output = new MigrationOutput(options.reporter(), options.verbose());
    }

    MigrationFiles files(AdapterTasks adapter) {
        return MigrationFiles.scan(locations(adapter));
    }

    private List<Path> locations(AdapterTasks adapter) {
        return adapter.config().migrationsPaths().stream()
                .map(p -> options.projectDir().resolve(p).normalize())
                .toList();
    }

    /** Applies pending migrations (up to {@code target}); with a target below applied versions, reverts those. */
    MigrateResult migrate(AdapterTasks adapter, MigrationVersion target) {
        return locked(adapter, () -> {
            List<MigrationVersion> reverted = new ArrayList<>();
            List<MigrationVersion> applied = new ArrayList<>();
            if (target != null) {
                List<AppliedMigration> above = applied(adapter).stream()
                        .filter(m -> m.version().compareTo(target) > 0)
                        .sorted(Comparator.comparing(AppliedMigration::version).reversed())
                        .toList();
                for (AppliedMigration m : above) {
                    revert(adapter, m.version());
                    reverted.add(m.version());
                }
            }
            runFlyway(adapter, locations(adapter), target, applied);
            return new MigrateResult(reverted, applied);
        });
    }

    /** Applies every pending migration; returns how many were applied. */
    int migrateCounting(AdapterTasks adapter) {
        return migrate(adapter, null).applied().size();
    }

    /** Runs exactly one migration up (Rails' db:migrate:up): Flyway sees only that file. */
    void up(AdapterTasks adapter, MigrationVersion version) {
        MigrationFile file = files(adapter)
                .up(version)
                .orElseThrow(() -> new TaskFailedException("no migration with version " + version + " in "
                        + String.join(", ", adapter.config().migrationsPaths()) + " for "
                        + adapter.config().label()
                        + ". Check the VERSION, or list migrations with `mdb db:migrate:status`."));
        locked(adapter, () -> {
            try (SingleFileLocation single = SingleFileLocation.of(file.path())) {
                runFlyway(adapter, List.of(single.directory()), version);
            }
            return null;
        });
    }

    /** Reverts exactly one applied migration (Rails' db:migrate:down); not applied is a no-op. */
    void down(AdapterTasks adapter, MigrationVersion version) {
        locked(adapter, () -> {
            boolean isApplied =
                    applied(adapter).stream().anyMatch(m -> m.version().sameAs(version));
            if (isApplied) {
                revert(adapter, version);
            }
            return null;
        });
    }

    /** Reverts the last {@code steps} applied migrations, newest first; returns the versions reverted. */
    List<MigrationVersion> rollback(AdapterTasks adapter, int steps) {
        return locked(adapter, () -> {
            List<AppliedMigration> applied = new ArrayList<>(applied(adapter));
            applied.sort(Comparator.comparing(AppliedMigration::version).reversed());
            List<MigrationVersion> reverted = new ArrayList<>();
            for (AppliedMigration m : applied.subList(0, Math.min(steps, applied.size()))) {
                revert(adapter, m.version());
                reverted.add(m.version());
            }
            return reverted;
        });
    }

    /** Flyway's repair: removes failed history rows, realigns checksums with the files. */
    void repair(AdapterTasks adapter) {
        locked(adapter, () -> {
            try {
                new FlywayMigrator(adapter, output).repair(locations(adapter));
            } catch (FlywayException e) {
                throw MigrationErrors.explain(adapter, e, List.of());
            }
            return null;
        });
    }

    MigrationStatus status(AdapterTasks adapter) {
        List<AppliedMigration> applied;
        try (Connection c = adapter.connect()) {
            if (!SchemaHistory.tableExists(c, SchemaHistory.TABLE)) {
                throw new TaskFailedException("Schema migrations table does not exist yet ("
                        + adapter.config().label() + "). Run `mdb db:migrate` first.");
            }
            applied = SchemaHistory.applied(c);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "read the migration status of", e);
        }
        TreeMap<MigrationVersion, MigrationStatus.Row> rows = new TreeMap<>();
        for (MigrationFile f : files(adapter).ups()) {
            rows.put(f.version(), new MigrationStatus.Row("down", pad(f.version()), f.humanName()));
        }
        for (AppliedMigration m : applied) {
            MigrationStatus.Row file = rows.get(m.version());
            String name = file == null ? MigrationStatus.NO_FILE : file.name();
            rows.put(m.version(), new MigrationStatus.Row("up", pad(m.version()), name));
        }
        return new MigrationStatus(adapter.config().name(), adapter.config().database(), List.copyOf(rows.values()));
    }

    private static String pad(MigrationVersion v) {
        String text = v.text();
        return text.length() >= 3 ? text : "0".repeat(3 - text.length()) + text;
    }

    /** The newest applied version, or "0". */
    String currentVersion(AdapterTasks adapter) {
        List<AppliedMigration> applied = applied(adapter);
        return applied.isEmpty()
                ? "0"
                : applied.get(applied.size() - 1).version().text();
    }

    List<PendingMigration> pending(AdapterTasks adapter) {
        List<AppliedMigration> applied = applied(adapter);
        return files(adapter).ups().stream()
                .filter(f -> applied.stream().noneMatch(m -> m.version().sameAs(f.version())))
                .map(f -> new PendingMigration(
                        adapter.config().name(), f.version().text(), f.className()))
                .toList();
    }

    /** Applied migrations; a database that does not exist is an error. */
    List<AppliedMigration> applied(AdapterTasks adapter) {
        try (Connection c = adapter.connect()) {
            return SchemaHistory.applied(c);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "read the migration history of", e);
        }
    }

    private void runFlyway(AdapterTasks adapter, List<Path> locations, MigrationVersion target) {
        runFlyway(adapter, locations, target, new ArrayList<>());
    }

    private void runFlyway(
            AdapterTasks adapter, List<Path> locations, MigrationVersion target, List<MigrationVersion> applied) {
        try {
            new FlywayMigrator(adapter, output).migrate(locations, target, applied);
        } catch (FlywayException e) {
            MdbException failure = MigrationErrors.explain(adapter, e, applied);
            if (!applied.isEmpty()) {
                // Rails records the environment before migrating, so a run that fails half-way still leaves it for
                // the protected-environment check of db:drop/db:purge. Flyway refuses a non-empty schema without a
                // history table, so mdb records it afterwards, also when migrations before the failing one committed.
                try {
                    recordEnvironment(adapter);
                } catch (MdbException recordFailure) {
                    failure.addSuppressed(recordFailure);
                }
            }
            throw failure;
        }
        recordEnvironment(adapter);
    }

    private void revert(AdapterTasks adapter, MigrationVersion version) {
        MigrationFiles files = files(adapter);
        MigrationFile down =
                files.down(version).orElseThrow(() -> new TaskFailedException(missingDown(adapter, files, version)));
        String className = files.up(version).map(MigrationFile::className).orElse(down.className());
        try (Connection c = adapter.connect()) {
            new DownMigrator(adapter, output).revert(c, down, className);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "roll back " + version + " on", e);
        }
        recordEnvironment(adapter);
    }

    private static String missingDown(AdapterTasks adapter, MigrationFiles files, MigrationVersion version) {
        Optional<MigrationFile> up = files.up(version);
        String expected = up.map(f -> f.path()
                        .resolveSibling("U" + version + "__" + f.snakeName() + ".sql")
                        .toString())
                .orElse("U" + version + "__<name>.sql in "
                        + String.join(", ", adapter.config().migrationsPaths()));
        return "can't roll back " + version + " on " + adapter.config().label() + ": the down migration " + expected
                + " does not exist. Write it (the SQL that undoes V" + version + "), then run the rollback again.";
    }

    private void recordEnvironment(AdapterTasks adapter) {
        if (!adapter.config().useMetadataTable()) {
            return;
        }
        try (Connection c = adapter.connect()) {
            InternalMetadata.write(
                    c, adapter, InternalMetadata.ENVIRONMENT, adapter.config().env());
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "record the environment in", e);
        }
    }

    /** Runs {@code work} holding mdb's own migration lock where the engine needs one ({@link MigrationLock}). */
    private static <T> T locked(AdapterTasks adapter, Supplier<T> work) {
        MigrationLock lock = lock(adapter);
        try {
            return work.get();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private static MigrationLock lock(AdapterTasks adapter) {
        if (!adapter.needsMigrationLock()) {
            return null;
        }
        // The lock file lives beside the database: a missing database (and directory) must be reported as such,
        // not as a lock-file error.
        try {
            adapter.connect().close();
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "migrate", e);
        }
        return MigrationLock.acquire(lockTarget(adapter));
    }

    private static Path lockTarget(AdapterTasks adapter) {
        return Path.of(adapter.location());
    }
}
