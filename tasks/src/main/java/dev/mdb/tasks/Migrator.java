package dev.mdb.tasks;

import dev.mdb.config.MdbException;
import dev.mdb.tasks.migrate.AppliedMigration;
import dev.mdb.tasks.migrate.DownMigrator;
import dev.mdb.tasks.migrate.HistoryRow;
import dev.mdb.tasks.migrate.HistoryTable;
import dev.mdb.tasks.migrate.InternalMetadata;
import dev.mdb.tasks.migrate.MigrationFile;
import dev.mdb.tasks.migrate.MigrationFiles;
import dev.mdb.tasks.migrate.MigrationOutput;
import dev.mdb.tasks.migrate.MigrationRepair;
import dev.mdb.tasks.migrate.MigrationRunner;
import dev.mdb.tasks.migrate.MigrationScript;
import dev.mdb.tasks.migrate.MigrationSession;
import dev.mdb.tasks.migrate.MigrationVersion;
import dev.mdb.tasks.spi.AdapterTasks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Migration work on one database: migrate, rollback, up, down, status, version, pending, repair. Work that changes
 * the database holds its {@link MigrationSession} (the lock, one connection, the history read once).
 */
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
        MigrationFiles files = files(adapter);
        List<MigrationVersion> reverted = new ArrayList<>();
        List<MigrationVersion> applied = new ArrayList<>();
        session(adapter, applied, true, session -> {
            List<HistoryRow> rows = session.history();
            session.validate(files, files.ups());
            List<MigrationVersion> done = appliedVersions(rows);
            // Every pending file is read (and a file that cannot run is refused) before anything runs.
            List<MigrationScript> pending = files.ups().stream()
                    .filter(f -> done.stream().noneMatch(v -> v.sameAs(f.version())))
                    .filter(f -> target == null || f.version().compareTo(target) <= 0)
                    .map(f -> read(adapter, session, f))
                    .toList();
            if (target != null) {
                List<MigrationVersion> above = appliedVersions(rows).stream()
                        .filter(v -> v.compareTo(target) > 0)
                        .sorted(Comparator.reverseOrder())
                        .toList();
                for (MigrationVersion version : above) {
                    revert(adapter, session.connection(), files, version);
                    reverted.add(version);
                }
            }
            session.ensureHistoryTable();
            for (MigrationScript script : pending) {
                apply(adapter, session, files, script, applied);
            }
            return null;
        });
        return new MigrateResult(reverted, applied);
    }

    /** Applies every pending migration; returns how many were applied. */
    int migrateCounting(AdapterTasks adapter) {
        return migrate(adapter, null).applied().size();
    }

    /** Runs exactly one migration up (Rails' db:migrate:up); an applied one is left alone. */
    void up(AdapterTasks adapter, MigrationVersion version) {
        MigrationFiles files = files(adapter);
        MigrationFile file = files.up(version).orElseThrow(() -> noSuchVersion(adapter, version));
        session(adapter, new ArrayList<>(), true, session -> {
            session.validate(files, List.of(file));
            session.ensureHistoryTable();
            if (appliedVersions(session.history()).stream().noneMatch(v -> v.sameAs(version))) {
                apply(adapter, session, files, read(adapter, session, file), new ArrayList<>());
            }
            return null;
        });
    }

    /** Reverts exactly one applied migration (Rails' db:migrate:down); not applied is a no-op. */
    void down(AdapterTasks adapter, MigrationVersion version) {
        MigrationFiles files = files(adapter);
        boolean[] reverted = {false};
        session(adapter, List.of(), false, session -> {
            if (appliedVersions(session.history()).stream().anyMatch(v -> v.sameAs(version))) {
                revert(adapter, session.connection(), files, version);
                reverted[0] = true;
            }
            return null;
        });
        if (reverted[0]) {
            recordEnvironment(adapter);
        }
    }

    /** Reverts the last {@code steps} applied migrations, newest first; returns the versions reverted. */
    List<MigrationVersion> rollback(AdapterTasks adapter, int steps) {
        MigrationFiles files = files(adapter);
        List<MigrationVersion> reverted = new ArrayList<>();
        session(adapter, List.of(), false, session -> {
            List<MigrationVersion> applied = new ArrayList<>(appliedVersions(session.history()));
            applied.sort(Comparator.reverseOrder());
            for (MigrationVersion version : applied.subList(0, Math.min(steps, applied.size()))) {
                revert(adapter, session.connection(), files, version);
                reverted.add(version);
            }
            return null;
        });
        if (!reverted.isEmpty()) {
            recordEnvironment(adapter);
        }
        return reverted;
    }

    /** Removes failed and cut-off history rows and accepts edited files (Flyway's repair). */
    void repair(AdapterTasks adapter) {
        MigrationFiles files = files(adapter);
        session(adapter, List.of(), false, session -> {
            new MigrationRepair(adapter, files).run(session);
            return null;
        });
    }

    // ---- dry runs: the history read without the lock, nothing created or written

    /**
     * What {@link #migrate} would do (with {@code onlyTarget}, what running just {@code target} would do, as over
     * several databases): the down migrations above {@code target}, then the pending ones up to it.
     */
    MigrateResult plan(AdapterTasks adapter, MigrationVersion target, boolean onlyTarget) {
        MigrationFiles files = files(adapter);
        List<PlannedMigration> planned = new ArrayList<>();
        try (MigrationSession session = MigrationSession.open(adapter)) {
            List<HistoryRow> rows = session.history();
            session.validate(files, files.ups(), rows);
            List<MigrationVersion> done = appliedVersions(rows);
            if (target != null && !onlyTarget) {
                done.stream()
                        .filter(v -> v.compareTo(target) > 0)
                        .sorted(Comparator.reverseOrder())
                        .forEach(v -> planned.add(plannedDown(adapter, session, files, v)));
            }
            files.ups().stream()
                    .filter(f -> done.stream().noneMatch(v -> v.sameAs(f.version())))
                    .filter(f -> target == null
                            || (onlyTarget
                                    ? f.version().sameAs(target)
                                    : f.version().compareTo(target) <= 0))
                    .forEach(f -> planned.add(DryRuns.up(adapter, read(adapter, session, f))));
        }
        return MigrateResult.dryRun(planned);
    }

    /** What {@link #rollback} would revert, newest first. */
    List<PlannedMigration> planRollback(AdapterTasks adapter, int steps) {
        MigrationFiles files = files(adapter);
        try (MigrationSession session = MigrationSession.open(adapter)) {
            List<MigrationVersion> applied = new ArrayList<>(appliedVersions(session.history()));
            applied.sort(Comparator.reverseOrder());
            return applied.subList(0, Math.min(steps, applied.size())).stream()
                    .map(v -> plannedDown(adapter, session, files, v))
                    .toList();
        }
    }

    /** What {@link #up} ({@code up}) or {@link #down} would run: the one migration, or nothing. */
    List<PlannedMigration> planOne(AdapterTasks adapter, MigrationVersion version, boolean up) {
        MigrationFiles files = files(adapter);
        try (MigrationSession session = MigrationSession.open(adapter)) {
            boolean applied = appliedVersions(session.history()).stream().anyMatch(v -> v.sameAs(version));
            if (up && !applied) {
                MigrationFile file = files.up(version).orElseThrow(() -> noSuchVersion(adapter, version));
                return List.of(DryRuns.up(adapter, read(adapter, session, file)));
            }
            if (!up && applied) {
                return List.of(plannedDown(adapter, session, files, version));
            }
            return List.of();
        }
    }

    /** The up migration of {@code version} as it would run again after its down (redo). */
    PlannedMigration planAgain(AdapterTasks adapter, MigrationVersion version) {
        MigrationFile file = files(adapter).up(version).orElseThrow(() -> noSuchVersion(adapter, version));
        try (MigrationSession session = MigrationSession.open(adapter)) {
            return DryRuns.up(adapter, read(adapter, session, file));
        }
    }

    private static PlannedMigration plannedDown(
            AdapterTasks adapter, MigrationSession session, MigrationFiles files, MigrationVersion version) {
        MigrationFile down =
                files.down(version).orElseThrow(() -> new TaskFailedException(missingDown(adapter, files, version)));
        String className = files.up(version).map(MigrationFile::className).orElse(down.className());
        return DryRuns.down(adapter, read(adapter, session, down), className);
    }

    private static TaskFailedException noSuchVersion(AdapterTasks adapter, MigrationVersion version) {
        return new TaskFailedException("no migration with version " + version + " in "
                + String.join(", ", adapter.config().migrationsPaths()) + " for "
                + adapter.config().label()
                + ". Check the VERSION, or list migrations with `mdb db:migrate:status`.");
    }

    static MigrationScript read(AdapterTasks adapter, MigrationSession session, MigrationFile file) {
        return MigrationScript.read(file, adapter, session.serverVersion());
    }

    /** Applies {@code script} on {@code session} and records it; its version is added to {@code applied}. */
    void apply(
            AdapterTasks adapter,
            MigrationSession session,
            MigrationFiles files,
            MigrationScript script,
            List<MigrationVersion> applied) {
        new MigrationRunner(session, output, files.locationOf(script.file()))
                .apply(session.connection(), script, applied);
    }

    /**
     * Runs {@code work} in a session. With {@code record} the environment is recorded after it succeeded, and also
     * when it failed after applying some migrations: Rails records it before it migrates, so the protected-environment
     * check of db:drop finds it either way.
     */
    private void session(
            AdapterTasks adapter,
            List<MigrationVersion> applied,
            boolean record,
            Function<MigrationSession, Void> work) {
        try (MigrationSession session = MigrationSession.open(adapter, options.reporter(), options.lockWait())) {
            try {
                work.apply(session);
            } catch (MdbException failure) {
                if (record && !applied.isEmpty()) {
                    try {
                        recordEnvironment(adapter, session.connection());
                    } catch (MdbException recordFailure) {
                        failure.addSuppressed(recordFailure);
                    }
                }
                throw failure;
            }
            if (record) {
                recordEnvironment(adapter, session.connection());
            }
        }
    }

    /** The versions the history has applied successfully. */
    static List<MigrationVersion> appliedVersions(List<HistoryRow> rows) {
        return rows.stream()
                .filter(r -> r.isMigration() && r.success())
                .map(HistoryRow::version)
                .toList();
    }

    /**
     * Rails' status rows of one database; {@code scans} holds the file lists read so far in this run (databases with
     * the same migrations paths, the shards of a group, read theirs once).
     */
    MigrationStatus status(AdapterTasks adapter, Map<List<String>, MigrationFiles> scans) {
        List<HistoryRow> history = historyOrNull(adapter, "read the migration status of");
        if (history == null) {
            throw new TaskFailedException("Schema migrations table does not exist yet ("
                    + adapter.config().label() + "). Run `mdb db:migrate` first.");
        }
        List<AppliedMigration> applied = appliedMigrations(history);
        TreeMap<MigrationVersion, MigrationStatus.Row> rows = new TreeMap<>();
        for (MigrationFile f : scans.computeIfAbsent(adapter.config().migrationsPaths(), k -> files(adapter))
                .ups()) {
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
        List<HistoryRow> rows = historyOrNull(adapter, "read the migration history of");
        return rows == null ? List.of() : appliedMigrations(rows);
    }

    /** The history's rows, read in one round trip on a connection of its own; null when there is no history table. */
    private static List<HistoryRow> historyOrNull(AdapterTasks adapter, String action) {
        try (Connection c = adapter.connect()) {
            return new HistoryTable(adapter).rowsOrNull(c);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, action, e);
        }
    }

    /** Row types that are not migrations run up (as {@code SchemaHistory#applied} leaves them out). */
    private static final java.util.Set<String> NOT_APPLIED_TYPES =
            java.util.Set.of("SCHEMA", "DELETE", "UNDO_SQL", "BASELINE");

    /** The successful migrations among {@code rows} (a Flyway-era JDBC one too), in version order. */
    private static List<AppliedMigration> appliedMigrations(List<HistoryRow> rows) {
        return rows.stream()
                .filter(r -> r.version() != null && r.success() && !NOT_APPLIED_TYPES.contains(r.type()))
                .map(r -> new AppliedMigration(r.version(), r.description(), r.script()))
                .sorted(Comparator.comparing(AppliedMigration::version))
                .toList();
    }

    private void revert(AdapterTasks adapter, Connection c, MigrationFiles files, MigrationVersion version) {
        MigrationFile down =
                files.down(version).orElseThrow(() -> new TaskFailedException(missingDown(adapter, files, version)));
        String className = files.up(version).map(MigrationFile::className).orElse(down.className());
        new DownMigrator(adapter, output).revert(c, down, className);
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
        try (Connection c = adapter.connect()) {
            recordEnvironment(adapter, c);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "record the environment in", e);
        }
    }

    /** Stores the environment in {@code mdb_internal_metadata} (Rails' {@code ar_internal_metadata}), on {@code c}. */
    static void recordEnvironment(AdapterTasks adapter, Connection c) {
        if (!adapter.config().useMetadataTable()) {
            return;
        }
        try {
            InternalMetadata.write(
                    c, adapter, InternalMetadata.ENVIRONMENT, adapter.config().env());
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "record the environment in", e);
        }
    }
}
