package dev.mdb.tasks.migrate;

import dev.mdb.tasks.DatabaseErrors;
import dev.mdb.tasks.Reporter;
import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * One migrator's hold on one database: one connection in auto-commit mode that reads the history (first without the
 * lock, to find out whether there is anything to do at all), takes the migration lock when there is, reads the history
 * again under it and applies the migrations, so nothing of mdb keeps a transaction or a snapshot open between them and
 * the connection that checked is the one that applies. Closing releases the lock and ends the connection.
 */
public final class MigrationSession implements AutoCloseable {
    private static final String BASELINE = "<< mdb baseline >>";
    private final AdapterTasks adapter;
    private final Connection connection;
    private final int serverVersion;
    private final HistoryTable history;
    private MigrationLocks.Held lock;
    private boolean tableSeen;
    private boolean readUnderLock;

    private MigrationSession(AdapterTasks adapter, Connection connection, int serverVersion) {
        this.adapter = adapter;
        this.connection = connection;
        this.serverVersion = serverVersion;
        this.history = new HistoryTable(adapter);
    }

    /** Connects (no lock yet). */
    public static MigrationSession open(AdapterTasks adapter) {
        Connection connection = null;
        try {
            connection = adapter.connect();
            connection.setAutoCommit(true);
            int version = connection.getMetaData().getDatabaseMajorVersion();
            return new MigrationSession(adapter, connection, version);
        } catch (SQLException e) {
            if (connection != null) {
                MigrationLocks.closeQuietly(connection);
            }
            throw DatabaseErrors.translate(adapter, "migrate", e);
        }
    }

    /** Connects and takes the lock, waiting at most {@code lockWait} (null: while the holder lives). */
    public static MigrationSession open(AdapterTasks adapter, Reporter reporter, Duration lockWait) {
        MigrationSession session = open(adapter);
        try {
            session.lock(reporter, lockWait);
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Takes the migration lock on this session's connection (idempotent). */
    public void lock(Reporter reporter, Duration lockWait) {
        if (lock == null) {
            lock = MigrationLocks.acquire(adapter, connection, reporter, lockWait);
        }
    }

    public AdapterTasks adapter() {
        return adapter;
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
            List<HistoryRow> rows = history.rowsOrNull(connection);
            tableSeen = rows != null;
            readUnderLock = lock != null;
            // Under the lock nobody else writes the history: the next rank is known until the session ends.
            history.knowNextRank(
                    lock == null
                            ? 0
                            : 1
                                    + (rows == null
                                            ? 0
                                            : rows.stream()
                                                    .mapToInt(HistoryRow::rank)
                                                    .max()
                                                    .orElse(0)));
            return rows == null ? List.of() : rows;
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "read the migration history of", e);
        }
    }

    /**
     * Refuses to migrate over a failed or cut-off run, or over an applied file among {@code checked} that changed
     * ({@link HistoryCheck}).
     */
    public void validate(MigrationFiles files, List<MigrationFile> checked) {
        validate(files, checked, history());
    }

    /** {@link #validate(MigrationFiles, List)} over {@code rows}, the history this session has just read. */
    public void validate(MigrationFiles files, List<MigrationFile> checked, List<HistoryRow> rows) {
        try {
            HistoryCheck.validate(adapter, connection, rows, files, checked, serverVersion);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "check the migration history of", e);
        }
    }

    /** Whether the last history read was under the lock and found no table (then nobody made one since). */
    private boolean missingUnderLock() {
        return lock != null && readUnderLock && !tableSeen;
    }

    /** Whether the last {@link #history()} found the history table. */
    public boolean historyTableSeen() {
        return tableSeen;
    }

    /** Writes the history through this session's connection ({@link MigrationRepair}). */
    HistoryTable table() {
        return history;
    }

    /**
     * Makes sure the history table exists. A database that has tables but no history (one that had {@code
     * db:environment:set}, or an existing schema adopting mdb) gets a baseline row at version 0, as Flyway's
     * baseline-on-migrate did, and every migration file stays pending.
     */
    public void ensureHistoryTable() {
        try {
            // The last read found it, or (read under the lock) found it missing, or the catalog says.
            if (tableSeen || (!missingUnderLock() && history.exists(connection))) {
                tableSeen = true;
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
            tableSeen = true;
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "create the migration history table of", e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.close();
            }
        } finally {
            MigrationLocks.closeQuietly(connection);
        }
    }
}
