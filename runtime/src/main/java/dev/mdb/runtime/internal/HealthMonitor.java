package dev.mdb.runtime.internal;

import dev.mdb.config.JdbcUrls;
import dev.mdb.runtime.TargetState;
import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.engine.ServerObservation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active and passive health of replicas. One daemon thread, started when the first replica is watched, probes each
 * watched replica at a random moment between its interval and 1.5 × it, on a dedicated probe connection (so a full
 * pool cannot hide a healthy server) with a client-side timeout. A failure (probe or {@link #failed passive}) takes a
 * replica out at once and probes it again after a delay doubling from {@value #FIRST_BACKOFF_MILLIS} ms up to the
 * watch's maximum back-off (1 s by default); once it answers it is probed every {@value #RISE_SPACING_MILLIS} ms and
 * comes back after {@value #RISE} good probes, so a restarted replica serves again within about a second of answering. A replica whose lag exceeds its limit is {@code LAGGING} until it is below 80 % of it for {@value
 * #RISE} probes. Lag (PostgreSQL): bytes = the primary's insert LSN − the replica's replay LSN, and time = how long
 * ago the primary first reached a position the replica has not replayed (sampled each cycle), at most the time since
 * the replica's last replayed transaction; a replica that has replayed everything has no lag even when the primary is
 * idle. MySQL/MariaDB: {@code Seconds_Behind_Master} where readable (NULL: replication stopped, the replica is down).
 */
public final class HealthMonitor implements AutoCloseable {
    static final int RISE = 3;
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    static final long FIRST_BACKOFF_MILLIS = 250;
    static final long RISE_SPACING_MILLIS = 100;
    private static final int MAX_SAMPLES = 1024;

    private final Function<String, JdbcTarget> targets;
    private final Map<String, TargetHealth> health = new ConcurrentHashMap<>();
    private final Map<String, Watch> watched = new ConcurrentHashMap<>();
    private final Map<String, Writer> writers = new ConcurrentHashMap<>();
    private final Map<String, Connection> probeConnections = new ConcurrentHashMap<>();
    private final Executor timeouts = Runnable::run;
    private ScheduledExecutorService scheduler;
    private volatile boolean closed;

    /**
     * A watched replica: its writer (or null), probe interval and timeout, lag limit, and the longest wait between two
     * probes while it is down.
     */
    public record Watch(String writer, Duration interval, Duration timeout, Duration maxLag, Duration maxBackoff) {
        /** The first re-probe delay after a failure, doubling up to {@link #maxBackoff()}. */
        long firstBackoffMillis() {
            return Math.min(FIRST_BACKOFF_MILLIS, maxBackoff.toMillis());
        }

        long nextBackoffMillis(long previous) {
            return Math.min(maxBackoff.toMillis(), Math.max(firstBackoffMillis(), previous * 2));
        }
    }

    /** Per writer: its server identity and the history of its positions, for lag in time. */
    private static final class Writer {
        final Deque<long[]> samples = new ArrayDeque<>();
        volatile String identity;
        volatile long sampledAt;
        volatile long position = -1;
    }

    private final Events events;

    public HealthMonitor(Function<String, JdbcTarget> targets) {
        this(targets, Events.NONE);
    }

    public HealthMonitor(Function<String, JdbcTarget> targets, Events events) {
        this.targets = targets;
        this.events = events;
    }

    /** The health of {@code entry} (UNKNOWN until probed). */
    public TargetHealth health(String entry) {
        return health.computeIfAbsent(entry, TargetHealth::new);
    }

    /** Starts probing {@code replica} (idempotent). */
    public synchronized void watch(String replica, Watch watch) {
        if (closed || watched.putIfAbsent(replica, watch) != null) {
            return;
        }
        health(replica);
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "mdb-replica-health");
                thread.setDaemon(true);
                return thread;
            });
            // tick() catches what a probe throws, so the schedule never ends by an exception.
            java.util.concurrent.Future<?> unused =
                    scheduler.scheduleWithFixedDelay(this::tick, 20, 20, TimeUnit.MILLISECONDS);
        }
    }

    public Watch watchOf(String replica) {
        return watched.get(replica);
    }

    /** Takes {@code entry} out at once after a connection-class failure seen by a request. */
    public void failed(String entry, Throwable cause) {
        TargetHealth target = health(entry);
        synchronized (target) {
            target.failed(describe(cause));
            if (target.state() != TargetState.DOWN) {
                LOG.warn("replica '{}' taken out of rotation: {}", entry, describe(cause));
                events.replicaStateChanged(entry, target.state(), TargetState.DOWN, describe(cause));
                target.state(TargetState.DOWN);
                target.goodProbes = 0;
                Watch watch = watched.get(entry);
                long delay = watch == null ? FIRST_BACKOFF_MILLIS : watch.firstBackoffMillis();
                target.backoffMillis = delay;
                target.nextProbeAt = System.currentTimeMillis() + delay;
            }
        }
    }

    /** Probes {@code replica} now, on the calling thread, and returns its health. */
    public TargetHealth probeNow(String replica, Watch watch) {
        watched.putIfAbsent(replica, watch);
        probe(replica, watch, System.currentTimeMillis(), true);
        return health(replica);
    }

    private void tick() {
        long now = System.currentTimeMillis();
        for (Map.Entry<String, Watch> e : watched.entrySet()) {
            if (closed) {
                return;
            }
            TargetHealth target = health(e.getKey());
            if (target.nextProbeAt <= now) {
                try {
                    probe(e.getKey(), e.getValue(), now, false);
                } catch (RuntimeException unexpected) {
                    LOG.warn("health probe of '{}' failed unexpectedly", e.getKey(), unexpected);
                }
            }
        }
    }

    private void probe(String replica, Watch watch, long now, boolean fresh) {
        TargetHealth target = health(replica);
        Writer writer = watch.writer() == null ? null : sampleWriter(watch.writer(), watch, now, fresh);
        ServerObservation seen;
        try {
            seen = targets.apply(replica).engine().probe(probeConnection(replica, watch));
        } catch (SQLException | RuntimeException e) {
            closeProbeConnection(replica);
            fail(target, watch, e);
            return;
        }
        String role;
        Double lagSeconds = null;
        Long lagBytes = null;
        boolean mismatch = false;
        if (seen.standby()) {
            role = "standby";
            if (seen.replayPosition() >= 0) {
                target.observeReplay(seen.replayPosition());
                if (writer != null && writer.position >= 0) {
                    lagBytes = Math.max(0, writer.position - seen.replayPosition());
                    lagSeconds = lagBytes == 0 ? 0.0 : timeBehind(writer, seen.replayPosition(), now, seen);
                } else {
                    lagSeconds = seen.secondsBehind();
                }
            } else {
                lagSeconds = seen.secondsBehind();
            }
        } else if (writer != null && seen.identity() != null && seen.identity().equals(writer.identity)) {
            role = "primary's server";
            lagSeconds = 0.0;
            lagBytes = 0L;
        } else if (seen.readOnly()) {
            role = "read-only";
        } else {
            role = writer == null ? "writable" : "writable (not a standby of its primary)";
            mismatch = watch.writer() != null;
        }
        target.observed(true, role, lagSeconds, lagBytes, seen.identity());
        Events.replicaLag(replica, lagSeconds, lagBytes);
        settle(target, watch, mismatch, lagSeconds, now);
    }

    /**
     * How long ago the writer first reached a position {@code replay} does not cover (lag in time), at most the time
     * since the replica's last replayed transaction. When the sampled history does not reach back that far (a fresh
     * monitor, or a one-shot check) this is a lower bound that grows while the replica stays behind, so a replica
     * further behind than its limit is out within that limit of the monitor's start; bytes are exact either way.
     */
    private static Double timeBehind(Writer writer, long replay, long now, ServerObservation seen) {
        Double sinceReplay = seen.secondsBehind();
        Double sinceSample = null;
        synchronized (writer.samples) {
            for (long[] sample : writer.samples) {
                if (!PositionToken.atOrAfter(replay, sample[0])) {
                    sinceSample = (now - sample[1]) / 1000.0;
                    break;
                }
            }
        }
        if (sinceSample == null) {
            return sinceReplay;
        }
        return sinceReplay == null ? sinceSample : Math.min(sinceSample, sinceReplay);
    }

    private void settle(TargetHealth target, Watch watch, boolean mismatch, Double lag, long now) {
        double max = watch.maxLag().toMillis() / 1000.0;
        synchronized (target) {
            TargetState before = target.state();
            TargetState after;
            if (mismatch) {
                target.goodProbes = 0;
                after = TargetState.ROLE_MISMATCH;
            } else {
                boolean lagging = lag != null && lag > max;
                boolean caughtUp = lag == null || lag < 0.8 * max;
                target.goodProbes = caughtUp ? target.goodProbes + 1 : 0;
                if (before == TargetState.UNKNOWN) {
                    after = lagging ? TargetState.LAGGING : TargetState.UP;
                } else if (before == TargetState.UP) {
                    after = lagging ? TargetState.LAGGING : TargetState.UP;
                } else {
                    after = caughtUp && target.goodProbes >= RISE ? TargetState.UP : before;
                }
            }
            target.state(after);
            target.backoffMillis = 0;
            // A replica coming back from down is probed again soon, to count its good probes in a fraction of a
            // second instead of RISE intervals.
            target.nextProbeAt = after == TargetState.DOWN && target.goodProbes > 0
                    ? now + RISE_SPACING_MILLIS
                    : now + jitter(watch.interval().toMillis());
            if (after != before) {
                events.replicaStateChanged(
                        target.entry(),
                        before,
                        after,
                        lag == null ? null : String.format(java.util.Locale.ROOT, "lag %.3f s", lag));
                LOG.info(
                        "replica '{}' {} -> {}{}",
                        target.entry(),
                        before.label(),
                        after.label(),
                        lag == null ? "" : String.format(java.util.Locale.ROOT, " (lag %.3f s)", lag));
            }
        }
    }

    private void fail(TargetHealth target, Watch watch, Exception e) {
        synchronized (target) {
            target.failed(describe(e));
            TargetState before = target.state();
            target.state(TargetState.DOWN);
            target.goodProbes = 0;
            target.backoffMillis = watch.nextBackoffMillis(target.backoffMillis);
            target.nextProbeAt = System.currentTimeMillis() + target.backoffMillis;
            if (before != TargetState.DOWN) {
                events.replicaStateChanged(target.entry(), before, TargetState.DOWN, describe(e));
            }
            if (before != TargetState.DOWN && before != TargetState.UNKNOWN) {
                LOG.warn("replica '{}' is down: {}", target.entry(), describe(e));
            } else {
                LOG.debug("replica '{}' is down: {}", target.entry(), describe(e));
            }
        }
    }

    private Writer sampleWriter(String writerEntry, Watch watch, long now, boolean fresh) {
        Writer writer = writers.computeIfAbsent(writerEntry, w -> new Writer());
        if (!fresh && now - writer.sampledAt < watch.interval().toMillis() / 2) {
            return writer;
        }
        try {
            ServerObservation seen = targets.apply(writerEntry).engine().probe(probeConnection(writerEntry, watch));
            writer.identity = seen.identity();
            writer.sampledAt = now;
            writer.position = seen.currentPosition();
            if (seen.currentPosition() >= 0) {
                synchronized (writer.samples) {
                    long[] last = writer.samples.peekLast();
                    if (last == null || last[0] != seen.currentPosition()) {
                        writer.samples.addLast(new long[] {seen.currentPosition(), now});
                    }
                    while (writer.samples.size() > MAX_SAMPLES) {
                        writer.samples.removeFirst();
                    }
                    trimReplayed(writer);
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeProbeConnection(writerEntry);
            writer.position = -1;
            LOG.debug("probe of primary '{}' failed: {}", writerEntry, describe(e));
        }
        return writer;
    }

    /** Drops samples every watched replica of this writer has replayed, except the newest of them. */
    private void trimReplayed(Writer writer) {
        long oldestReplay = Long.MAX_VALUE;
        boolean any = false;
        for (Map.Entry<String, Watch> e : watched.entrySet()) {
            if (writers.get(e.getValue().writer()) == writer) {
                long replay = health(e.getKey()).replayPosition();
                if (replay < 0) {
                    return;
                }
                oldestReplay = any ? (PositionToken.atOrAfter(oldestReplay, replay) ? replay : oldestReplay) : replay;
                any = true;
            }
        }
        // Keep the newest sample every replica has replayed: it dates when the first unreplayed one began.
        while (any && writer.samples.size() > 1) {
            Iterator<long[]> it = writer.samples.iterator();
            it.next();
            if (PositionToken.atOrAfter(oldestReplay, it.next()[0])) {
                writer.samples.removeFirst();
            } else {
                break;
            }
        }
    }

    private Connection probeConnection(String entry, Watch watch) throws SQLException {
        Connection existing = probeConnections.get(entry);
        if (existing != null) {
            return existing;
        }
        JdbcTarget target = targets.apply(entry);
        if (target.file() != null && !java.nio.file.Files.isRegularFile(target.file())) {
            throw new SQLException("database file " + target.file() + " does not exist", "08001");
        }
        Properties props = target.properties();
        long timeoutMillis = Math.max(100, watch.timeout().toMillis());
        props.putAll(target.engine().healthCheckProperties(Duration.ofMillis(timeoutMillis)));
        Connection connection = java.sql.DriverManager.getConnection(target.url(), props);
        try {
            connection.setNetworkTimeout(timeouts, (int) timeoutMillis);
        } catch (SQLException | UnsupportedOperationException e) {
            // SQLite: no network.
        }
        probeConnections.put(entry, connection);
        return connection;
    }

    private void closeProbeConnection(String entry) {
        Connection connection = probeConnections.remove(entry);
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken
            }
        }
    }

    private static long jitter(long interval) {
        return interval + ThreadLocalRandom.current().nextLong(Math.max(1, interval / 2));
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return JdbcUrls.redact(newline < 0 ? message : message.substring(0, newline));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        probeConnections.keySet().forEach(this::closeProbeConnection);
    }
}
