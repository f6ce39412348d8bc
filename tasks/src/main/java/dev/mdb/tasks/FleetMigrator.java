package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.MdbException;
import dev.mdb.tasks.migrate.HistoryRow;
import dev.mdb.tasks.migrate.MigrationFiles;
import dev.mdb.tasks.migrate.MigrationScript;
import dev.mdb.tasks.migrate.MigrationSession;
import dev.mdb.tasks.migrate.MigrationVersion;
import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * {@code db:migrate} over a fleet of databases, in Rails' order and in parallel.
 *
 * <p>First each database's history is read once, without the lock, on the connection that will apply its migrations
 * (the plan): a database with nothing pending is done after that one read. Then the pending migrations of all
 * databases run in version order, as Rails (7.1) runs them: {@code 01} of primary, {@code 02} of animals, {@code 03}
 * of primary. In parallel, a migration waits for every migration of another migrations directory with a lower version
 * (in any database); the shards of a group, which share their directory, advance side by side, each in its own version
 * order. The next migration to start is always the first ready one in Rails' order (version, then config order), so
 * with one job the sequence is exactly Rails'.
 *
 * <p>Each database's output is collected and printed as one block, headed by its name, in config order, so a run
 * prints the same bytes whatever finished first; the caller renders the summary (and a dry run's plan). After a failure, {@link FleetOptions.OnError#STOP} starts nothing new;
 * {@link FleetOptions.OnError#CONTINUE} goes on with every migration that does not follow the failed one in that
 * order. Canaries run first, on their own, and the others only when they all succeeded.
 */
final class FleetMigrator {
    private static final int IDLE_SESSIONS = 32;
    private final TaskOptions options;
    private final Migrator migrator;
    private final GroupedReporter reporter;
    private final IntFunction<TaskProgress> progress;
    private final Function<DatabaseConfig, AdapterTasks> adapters;

    FleetMigrator(
            TaskOptions options,
            Migrator migrator,
            GroupedReporter reporter,
            IntFunction<TaskProgress> progress,
            Function<DatabaseConfig, AdapterTasks> adapters) {
        this.options = options;
        this.migrator = migrator;
        this.reporter = reporter;
        this.progress = progress;
        this.adapters = adapters;
    }

    /** What to do with a database whose migrations are over, before its connection closes (re-dump its schema). */
    @FunctionalInterface
    interface Finished {
        /** {@code connection}: the migrations' own, or null when it was closed already. */
        void migrated(DatabaseConfig config, Connection connection);
    }

    /**
     * Migrates {@code configs}; {@code finished} (null for nothing) runs for each database that applied migrations,
     * right after its last one while the others go on (or at the end for one the run stopped).
     */
    Results<MigrateResult> migrate(List<DatabaseConfig> configs, FleetOptions fleet, Finished finished) {
        List<Lane> lanes = new ArrayList<>();
        for (DatabaseConfig config : configs) {
            lanes.add(new Lane(lanes.size(), config, adapters.apply(config)));
        }
        List<Lane> canaries = Canaries.select(lanes, fleet.canary());
        try (Run run = new Run(lanes, fleet, finished)) {
            run.plan();
            if (fleet.dryRun()) {
                // Nothing runs: finish() prints what would.
            } else if (canaries.isEmpty() || canaries.size() == lanes.size()) {
                run.execute(lanes);
            } else {
                run.execute(canaries);
                if (canaries.stream().anyMatch(l -> l.failure != null)) {
                    run.stopReason = "a canary failed";
                } else {
                    run.execute(
                            lanes.stream().filter(l -> !canaries.contains(l)).toList());
                }
            }
            run.finish();
            return run.results();
        }
    }

    /** One run: its lanes, workers, progress display and the blocks printed so far. */
    private final class Run implements AutoCloseable {
        private final List<Lane> lanes;
        private final FleetOptions fleet;
        private final Finished finished;
        private final boolean grouped;
        private final int workers;
        /**
         * Connections kept open between the plan and the first migration, or between two migrations, of databases not
         * at work: each reconnect costs a round trip or three, but a fleet of hundreds must not hold hundreds open.
         */
        private final int idleCap;

        private final ExecutorService pool;
        private final TaskProgress display;
        private final Map<String, MigrationFiles> files = new HashMap<>();
        /** Pending files read so far, by path, engine and server version: shards share them (a refusal is not kept). */
        private final Map<String, MigrationScript> scripts = new java.util.concurrent.ConcurrentHashMap<>();

        private int printed;
        private int running;
        private int idleSessions;
        private String stopReason;

        Run(List<Lane> lanes, FleetOptions fleet, Finished finished) {
            this.lanes = lanes;
            this.fleet = fleet;
            this.finished = finished;
            this.grouped = lanes.size() > 1;
            this.workers = Math.max(1, Math.min(options.jobs(), lanes.size()));
            this.idleCap = Math.max(2 * workers, IDLE_SESSIONS);
            this.pool = workers > 1
                    ? Executors.newFixedThreadPool(workers, r -> {
                        Thread t = new Thread(r, "mdb-worker");
                        t.setDaemon(true);
                        return t;
                    })
                    : null;
            this.display = grouped && workers > 1 ? progress.apply(lanes.size()) : TaskProgress.NONE;
            reporter.showProgress(display);
        }

        // ---- plan: one history read per database, in parallel

        void plan() {
            for (Lane lane : lanes) {
                lane.files = files.computeIfAbsent(lane.pathsKey, s -> migrator.files(lane.adapter));
            }
            if (pool == null) {
                lanes.forEach(lane -> collecting(lane, () -> plan(lane)));
            } else {
                List<Future<?>> futures = new ArrayList<>();
                for (Lane lane : lanes) {
                    futures.add(pool.submit(() -> collecting(lane, () -> plan(lane))));
                }
                futures.forEach(Run::await);
            }
            if (fleet.onError() == FleetOptions.OnError.STOP
                    && !fleet.dryRun()
                    && lanes.stream().anyMatch(l -> l.failure != null)) {
                stopReason = "a database could not be checked";
            }
            synchronized (this) {
                for (Lane lane : lanes) {
                    if (lane.done || lane.failure != null) {
                        display.finished(lane.name(), lane.failure != null);
                    }
                }
                printFinished();
            }
        }

        private void plan(Lane lane) {
            MigrationSession session;
            try {
                session = MigrationSession.open(lane.adapter);
            } catch (RuntimeException e) {
                lane.failure = e;
                return;
            }
            try {
                List<HistoryRow> rows = session.history();
                try {
                    session.validate(lane.files, lane.files.ups(), rows);
                } catch (MdbException e) {
                    if (fleet.dryRun()) {
                        throw e;
                    }
                    // A run that looks failed or cut off may still be at work: a killed migrator's statement goes on
                    // on the server, holding the lock. Judged again under the lock, when it is over.
                    session.lock(reporter, options.lockWait());
                    rows = session.history();
                    session.validate(lane.files, lane.files.ups(), rows);
                }
                List<MigrationVersion> applied = Migrator.appliedVersions(rows);
                for (var file : lane.files.ups()) {
                    if (applied.stream().noneMatch(v -> v.sameAs(file.version()))) {
                        String key = file.path() + "\u0000"
                                + lane.adapter.engine().name() + "\u0000" + session.serverVersion();
                        lane.pending.add(scripts.computeIfAbsent(key, k -> Migrator.read(lane.adapter, session, file)));
                    }
                }
                if (fleet.dryRun()) {
                    session.close();
                    return;
                }
                if (lane.pending.isEmpty() && !session.historyTableSeen()) {
                    // Rails creates its tables on a database with nothing to migrate, too.
                    session.lock(reporter, options.lockWait());
                    session.ensureHistoryTable();
                    Migrator.recordEnvironment(lane.adapter, session.connection());
                }
                if (lane.pending.isEmpty()) {
                    lane.done = true;
                    session.close();
                    return;
                }
                synchronized (this) {
                    if (idleSessions < idleCap) {
                        idleSessions++;
                        lane.session = session;
                        return;
                    }
                }
                session.close();
            } catch (RuntimeException e) {
                session.close();
                lane.failure = e;
            }
        }

        // ---- execute: the pending migrations, in Rails' order

        void execute(List<Lane> scope) {
            if (stopReason != null) {
                return;
            }
            if (pool == null) {
                Lane lane;
                while ((lane = nextReady(scope)) != null) {
                    synchronized (this) {
                        lane.running = true;
                    }
                    Lane stepped = lane;
                    collecting(lane, () -> step(stepped));
                    synchronized (this) {
                        settle(stepped);
                    }
                }
                return;
            }
            boolean interrupted = false;
            synchronized (this) {
                while (true) {
                    Lane lane;
                    while (running < workers && (lane = nextReady(scope)) != null) {
                        lane.running = true;
                        running++;
                        Lane stepped = lane;
                        pool.execute(() -> {
                            try {
                                collecting(stepped, () -> step(stepped));
                            } finally {
                                synchronized (this) {
                                    running--;
                                    settle(stepped);
                                    notifyAll();
                                }
                            }
                        });
                    }
                    if (running == 0) {
                        break;
                    }
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // Running migrations finish; nothing new starts. The flag is set again once they have.
                        interrupted = true;
                        if (stopReason == null) {
                            stopReason = "mdb was interrupted";
                        }
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * The step to start next in {@code scope}: the lowest (version, config order) among lanes whose next migration
         * no other stream holds back; null when none can start (or the run stopped).
         */
        private synchronized Lane nextReady(List<Lane> scope) {
            if (stopReason != null) {
                return null;
            }
            return FleetOrder.next(scope, workers > 1);
        }

        /** Applies the lane's next migration, taking the lock and re-reading the history first when it has none. */
        private void step(Lane lane) {
            try {
                if (lane.session == null) {
                    lane.session = MigrationSession.open(lane.adapter);
                } else {
                    synchronized (this) {
                        idleSessions--;
                    }
                }
                if (!lane.locked) {
                    lane.session.lock(reporter, options.lockWait());
                    lane.locked = true;
                    refresh(lane);
                    lane.session.ensureHistoryTable();
                }
                if (lane.hasNext()) {
                    migrator.apply(lane.adapter, lane.session, lane.files, lane.pending.get(lane.next), lane.applied);
                    lane.dirty = true;
                    lane.next++;
                }
            } catch (RuntimeException e) {
                lane.failure = e;
            }
            if (lane.failure == null && !lane.hasNext()) {
                afterLast(lane);
            }
            boolean keep = lane.failure == null && lane.hasNext();
            synchronized (this) {
                keep = keep && idleSessions < idleCap;
                if (keep) {
                    idleSessions++;
                }
            }
            if (!keep) {
                release(lane);
            }
        }

        /** Runs {@link Finished} once for a lane that applied migrations, on its session's connection if open. */
        private void afterLast(Lane lane) {
            if (finished == null || lane.applied.isEmpty() || lane.afterLastDone) {
                return;
            }
            lane.afterLastDone = true;
            try {
                finished.migrated(lane.config, lane.session == null ? null : lane.session.connection());
            } catch (RuntimeException e) {
                if (lane.failure == null) {
                    lane.failure = e;
                } else {
                    lane.failure.addSuppressed(e);
                }
            }
        }

        /**
         * Under the lock, the history again: another migrator may have applied some of the pending migrations since
         * the plan read it (those are dropped), or left a failed run (which stops this database).
         */
        private void refresh(Lane lane) {
            List<HistoryRow> rows = lane.session.history();
            lane.session.validate(lane.files, lane.files.ups(), rows);
            List<MigrationVersion> applied = Migrator.appliedVersions(rows);
            List<MigrationScript> left = lane.pending.subList(lane.next, lane.pending.size()).stream()
                    .filter(s ->
                            applied.stream().noneMatch(v -> v.sameAs(s.file().version())))
                    .toList();
            synchronized (this) {
                lane.pending.subList(lane.next, lane.pending.size()).clear();
                lane.pending.addAll(left);
            }
        }

        /**
         * Records the environment when the session applied something (Rails records it on every migrate, and the
         * protected-environment check of db:drop reads it), releases the lock and closes the connection.
         */
        private void release(Lane lane) {
            if (lane.session == null) {
                return;
            }
            try {
                if (lane.dirty) {
                    Migrator.recordEnvironment(lane.adapter, lane.session.connection());
                }
            } catch (MdbException e) {
                if (lane.failure == null) {
                    lane.failure = e;
                } else {
                    lane.failure.addSuppressed(e);
                }
            } finally {
                lane.dirty = false;
                lane.locked = false;
                lane.closeSession();
            }
        }

        /** After a step: the lane is done, failed or waits for its next; a failure may stop the run. */
        private void settle(Lane lane) {
            lane.running = false;
            if (lane.failure != null) {
                display.finished(lane.name(), true);
                if (fleet.onError() == FleetOptions.OnError.STOP && stopReason == null) {
                    stopReason = lane.name() + " failed";
                }
            } else if (!lane.hasNext()) {
                lane.done = true;
                display.finished(lane.name(), false);
            }
            printFinished();
        }

        // ---- output

        /** Runs {@code work} for {@code lane}, its output collected into the lane's block when blocks are printed. */
        private void collecting(Lane lane, Runnable work) {
            if (!grouped) {
                work.run();
                return;
            }
            reporter.collect(lane.name());
            try {
                work.run();
            } finally {
                List<GroupedReporter.Line> lines = reporter.drain();
                synchronized (this) {
                    lane.output.addAll(lines);
                }
            }
        }

        /** Prints the blocks of finished lanes, in config order, as far as the first one still at work. */
        private void printFinished() {
            while (printed < lanes.size() && lanes.get(printed).finished()) {
                print(lanes.get(printed++));
            }
        }

        private void print(Lane lane) {
            List<GroupedReporter.Line> lines = new ArrayList<>(lane.output);
            if (lane.failure != null
                    && !lines.isEmpty()
                    && !lines.get(lines.size() - 1).text().isEmpty()) {
                // Its error is reported at the end (stderr); the block still ends as the others do.
                lines.add(new GroupedReporter.Line(false, ""));
            }
            if (lane.notRun && options.verbose()) {
                int left = lane.pending.size() - lane.next;
                lines.add(new GroupedReporter.Line(
                        false,
                        "Not run (" + stopReason + "): " + left + " pending migration" + (left == 1 ? "" : "s")
                                + ", from " + lane.nextVersion() + "."));
                lines.add(new GroupedReporter.Line(false, ""));
            }
            if (lines.isEmpty()) {
                return;
            }
            if (grouped) {
                lines.add(0, new GroupedReporter.Line(false, header(lane)));
            }
            display.clearWhile(() -> reporter.print(lines));
        }

        private String header(Lane lane) {
            return "database: " + lane.name() + " (" + lane.config.database() + ")";
        }

        /** After the last step: lanes still with pending migrations did not run; the rest print; the summary. */
        void finish() {
            synchronized (this) {
                for (Lane lane : lanes) {
                    if (!lane.finished() && !fleet.dryRun()) {
                        lane.notRun = true;
                        if (stopReason == null) {
                            stopReason = "a migration they follow failed";
                        }
                    } else if (fleet.dryRun() && lane.failure == null) {
                        lane.done = true;
                    }
                }
                for (Lane lane : lanes) {
                    afterLast(lane);
                    release(lane);
                }
                printFinished();
            }
        }

        Results<MigrateResult> results() {
            List<DatabaseResult<MigrateResult>> results = new ArrayList<>();
            int notRun = 0;
            for (Lane lane : lanes) {
                if (lane.failure != null) {
                    results.add(new DatabaseResult<>(lane.config, null, lane.failure));
                } else {
                    MigrateResult result = lane.result(fleet.dryRun());
                    if (!result.notRun().isEmpty()) {
                        notRun++;
                    }
                    results.add(new DatabaseResult<>(lane.config, result, null));
                }
            }
            return new Results<>(results, lanes.size(), notRun);
        }

        @Override
        public void close() {
            for (Lane lane : lanes) {
                lane.closeSession();
            }
            display.close();
            reporter.showProgress(TaskProgress.NONE);
            if (pool != null) {
                pool.shutdownNow();
            }
        }

        private static void await(Future<?> future) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskFailedException("interrupted while checking databases", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
