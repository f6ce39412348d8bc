package dev.mdb.tasks.migrate;

import dev.mdb.tasks.DatabaseErrors;
import dev.mdb.tasks.Reporter;
import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * One migrator's hold on one database: the migration lock, then one connection in auto-commit mode that reads the
 * history once and applies the migrations, so nothing of mdb keeps a transaction or a snapshot open between them. That
 * connection holds a lock of its own ({@link MigrationLocks#SESSION_KEY}), so a killed migrator's statement still
 * running on the server is waited for too. Closing ends the connection, then releases the lock.
 */
public final class MigrationSession implements AutoCloseable {
    private static final String BASELINE = "<< mdb baseline >>";
    private final AdapterTasks adapter;
    private final MigrationLocks.Held lock;
    private final Connection connection;
    private final int serverVersion;
    private final HistoryTable history;

    private MigrationSession(AdapterTasks adapter, MigrationLocks.Held lock, Connection connection, int serverVersion) {
        this.adapter = adapter;
        this.lock = lock;
        this.connection = connection;
        this.serverVersion = serverVersion;
        this.history = new HistoryTable(adapter);
    }

    /** Takes the lock (waiting at most {@code lockWait}, null: while the holder lives) and connects. */
    public static MigrationSession open(AdapterTasks adapter, Reporter reporter, Duration lockWait) {
        long started = System.nanoTime();
        MigrationLocks.Held lock = MigrationLocks.acquire(adapter, reporter, lockWait);
        Connection connection = null;
        try {
            connection = adapter.connect();
            connection.setAutoCommit(true);
            MigrationLocks.holdOn(adapter, connection, reporter, lockWait, started);
            int version = connection.getMetaData().getDatabaseMajorVersion();
            return new MigrationSession(adapter, lock, connection, version);
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                MigrationLocks.closeQuietly(connection);
            }
            lock.close();
            if (e instanceof SQLException sql) {
                throw DatabaseErrors.translate(adapter, "migrate", sql);
            }
            throw (RuntimeException) e;
        }
    }

    public Connection connection() {
        return connection;
    }

    /** The server's major version (0 when the driver does not say), for rules that depend on it. */
    public int serverVersion() {
        return serverVersion;
    }

    /** The history's rows, in installed order (empty before the first migration). */
    public List<HistoryRow> history() {
        try {
            return history.rows(connection);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "read the migration history of", e);
        }
    }

    /**
     * Refuses to migrate over a failed or cut-off run, or over an applied file among {@code checked} that changed
     * ({@link HistoryCheck}).
     */
    public void validate(MigrationFiles files, List<MigrationFile> checked) {
        try {
            HistoryCheck.validate(adapter, connection, history(), files, checked, serverVersion);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "check the migration history of", e);
        }
    }

    /** Writes the history through this session's connection ({@link MigrationRepair}). */
    HistoryTable table() {
        return history;
    }

    AdapterTasks adapter() {
        return adapter;
    }

    /**
     * Makes sure the history table exists. A database that has tables but no history (one that had {@code
     * db:environment:set}, or an existing schema adopting mdb) gets a baseline row at version 0, as Flyway's
     * baseline-on-migrate did, and every migration file stays pending.
     */
    public void ensureHistoryTable() {
        try {
            if (history.exists(connection)) {
                return;
            }
            boolean hasTables =
                    SchemaHistory.hasTables(connection, adapter.engine().catalog());
            boolean atomic = adapter.transactionalDdl();
            connection.setAutoCommit(!atomic);
            try {
                history.create(connection);
                if (hasTables) {
                    history.insert(
                            connection,
                            new HistoryRow(
                                    0, new MigrationVersion("0"), BASELINE, "BASELINE", BASELINE, null, 0, true));
                }
                if (atomic) {
                    connection.commit();
                }
            } catch (SQLException e) {
                if (atomic) {
                    connection.rollback();
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "create the migration history table of", e);
        }
    }

    @Override
    public void close() {
        try {
            MigrationLocks.closeQuietly(connection);
        } finally {
            lock.close();
        }
    }
}
