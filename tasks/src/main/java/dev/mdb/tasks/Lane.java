package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.migrate.MigrationFiles;
import dev.mdb.tasks.migrate.MigrationScript;
import dev.mdb.tasks.migrate.MigrationSession;
import dev.mdb.tasks.migrate.MigrationVersion;
import dev.mdb.tasks.spi.AdapterTasks;
import java.util.ArrayList;
import java.util.List;

/**
 * One database of a fleet migration: its pending migrations (read once, without the lock), the session that checked
 * and will apply them, how far it got, and the output it printed, kept to be shown as one block in config order.
 */
final class Lane {
    final int index;
    final DatabaseConfig config;
    final AdapterTasks adapter;
    /** The migrations paths it reads: databases with the same ones (shards of a group) share their file list. */
    final String pathsKey;

    MigrationFiles files;
    MigrationSession session;
    final List<MigrationScript> pending = new ArrayList<>();
    private final java.util.Map<java.nio.file.Path, String> directories = new java.util.HashMap<>();
    /** The next pending migration to apply. */
    int next;

    /** Whether the session holds the migration lock (and has re-read the history under it). */
    boolean locked;
    /** Whether the session applied something since it was opened: the environment is recorded before it closes. */
    boolean dirty;
    /** Whether {@link FleetMigrator.Finished} ran for it. */
    boolean afterLastDone;

    boolean running;
    boolean done;
    boolean notRun;
    RuntimeException failure;
    final List<MigrationVersion> applied = new ArrayList<>();
    final List<GroupedReporter.Line> output = new ArrayList<>();

    Lane(int index, DatabaseConfig config, AdapterTasks adapter) {
        this.index = index;
        this.config = config;
        this.adapter = adapter;
        this.pathsKey = String.join("\u0000", config.migrationsPaths());
    }

    String name() {
        return config.name();
    }

    /** The version of the next migration to apply (only while there is one). */
    MigrationVersion nextVersion() {
        return pending.get(next).file().version();
    }

    /** The migrations directory the {@code i}-th pending migration comes from (the scheduler asks often). */
    String directory(int i) {
        return directories.computeIfAbsent(
                pending.get(i).file().path(),
                p -> files.locationOf(pending.get(i).file()).toString());
    }

    boolean hasNext() {
        return next < pending.size();
    }

    /** Done, failed or not run: nothing more will happen to it. */
    boolean finished() {
        return done || notRun || failure != null;
    }

    /** What the run did here: migrations applied and those left, or, for a dry run, the plan. */
    MigrateResult result(boolean dryRun) {
        if (dryRun) {
            return MigrateResult.dryRun(
                    pending.stream().map(s -> DryRuns.up(adapter, s)).toList());
        }
        List<MigrationVersion> left = pending.subList(Math.min(next, pending.size()), pending.size()).stream()
                .map(s -> s.file().version())
                .toList();
        return new MigrateResult(List.of(), applied, left, List.of(), false);
    }

    void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
