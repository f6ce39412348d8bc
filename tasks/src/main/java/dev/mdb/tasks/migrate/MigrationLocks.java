package dev.mdb.tasks.migrate;

import dev.mdb.runtime.engine.MigrationLocking;
import dev.mdb.runtime.engine.ServerLocks;
import dev.mdb.tasks.DatabaseErrors;
import dev.mdb.tasks.Reporter;
import dev.mdb.tasks.TaskFailedException;
import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The lock that keeps two migrators of one database apart, as the engine says ({@link MigrationLocking}): a server's
 * named lock held by the session that runs the migrations (PostgreSQL advisory lock, MySQL {@code GET_LOCK}), or an OS
 * lock on a file beside an SQLite database. A second migrator waits while the holder lives (deploys queue, they do not fail), polling
 * so that it holds no snapshot while it waits, and says who holds the lock and for how long; with a maximum wait it
 * stops after it with one line naming the holder. A holder that died has released the lock with its session or process.
 */
public final class MigrationLocks {
    /** The lock's name: one per database (advisory locks belong to their database; MySQL adds the database name). */
    static final String KEY = "mdb:migrate:" + SchemaHistory.TABLE;

    private static final Duration FIRST_REPORT = Duration.ofSeconds(2);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private MigrationLocks() {}

    /** A held lock; closing releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private static final Held NONE = () -> {};

    /**
     * Takes the migration lock of {@code adapter}'s database for {@code session}, the connection that will run the
     * migrations, waiting while another holds it; {@code maxWait} null waits as long as the holder lives. Progress goes
     * to {@code reporter}'s status. A server lock is held by {@code session} itself: a migrator killed while a
     * statement runs keeps it until the server has finished that statement, so the next one never reads a history or
     * a catalog still being changed. Closing releases the lock (closing {@code session} does too).
     */
    public static Held acquire(AdapterTasks adapter, Connection session, Reporter reporter, Duration maxWait) {
        MigrationLocking locking = adapter.engine().migrationLocking();
        if (locking == MigrationLocking.FILE_LOCK && adapter.target().file() != null) {
            return FileLock.acquire(adapter, reporter, maxWait);
        }
        ServerLocks locks = adapter.engine().serverLocks();
        if (locking != MigrationLocking.SERVER_LOCK || locks == null) {
            return NONE;
        }
        try {
            Waiter waiter = new Waiter(adapter, reporter, maxWait);
            while (!locks.tryLock(session, KEY)) {
                waiter.waitOnce(() -> holder(locks, session));
            }
            waiter.acquired();
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "take the migration lock of", e);
        }
        return () -> {
            try {
                locks.unlock(session, KEY);
            } catch (SQLException e) {
                // Closing the session releases the lock in any case.
            }
        };
    }

    private static String holder(ServerLocks locks, Connection session) {
        try {
            return locks.holder(session, KEY);
        } catch (SQLException e) {
            return null;
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing more to release
        }
    }

    /** Polls with growing pauses, reports the wait, and gives up after the maximum wait. */
    static final class Waiter {
        private final AdapterTasks adapter;
        private final Reporter reporter;
        private final Duration maxWait;
        private final long started;
        private long nextReport = FIRST_REPORT.toNanos();
        private long pause = 50;
        private String lastHolder;
        private boolean polled;

        Waiter(AdapterTasks adapter, Reporter reporter, Duration maxWait) {
            this(adapter, reporter, maxWait, System.nanoTime());
        }

        /** A wait that began at {@code started} ({@link System#nanoTime()}). */
        Waiter(AdapterTasks adapter, Reporter reporter, Duration maxWait, long started) {
            this.adapter = adapter;
            this.reporter = reporter;
            this.maxWait = maxWait;
            this.started = started;
        }

        /** Source of the holder's description (may be null). */
        interface Holder {
            String describe();
        }

        void waitOnce(Holder holder) {
            long waited = System.nanoTime() - started;
            if (maxWait != null && waited >= maxWait.toNanos()) {
                throw new TaskFailedException("couldn't take the migration lock of " + where() + " within "
                        + maxWait.toSeconds() + " s (--lock-wait): " + heldBy(holder.describe())
                        + ". Another migrator is working on this database; wait for it, or stop it, then run again.");
            }
            if (waited >= nextReport) {
                lastHolder = holder.describe();
                reporter.status("waiting for the migration lock of " + where() + ", " + heldBy(lastHolder) + " ("
                        + Duration.ofNanos(waited).toSeconds() + " s so far)");
                nextReport += REPORT_EVERY.toNanos();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskFailedException("interrupted while waiting for the migration lock of " + where(), e);
            }
            pause = Math.min(500, pause * 2);
            polled = true;
        }

        /** Says how long the wait took, if this waiter waited and it was long. */
        void acquired() {
            long waited = System.nanoTime() - started;
            if (polled && waited >= FIRST_REPORT.toNanos()) {
                reporter.err("took the migration lock of " + where() + " after waiting "
                        + Duration.ofNanos(waited).toSeconds() + " s"
                        + (lastHolder == null ? "" : " for " + lastHolder));
            }
        }

        private String where() {
            return adapter.config().label() + " (" + adapter.config().database() + ")";
        }

        private static String heldBy(String holder) {
            return holder == null ? "held by another session" : "held by " + holder;
        }
    }
}
