package dev.mdb.runtime.engine;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Server-side named locks held by a session ({@link Capability#ADVISORY_LOCKS}): released when the session ends, so
 * a lock whose holder died is free again. Callers poll {@link #tryLock} rather than block in the server, so a waiting
 * session holds no snapshot (a PostgreSQL {@code CREATE INDEX CONCURRENTLY} would otherwise wait for the waiter, which
 * waits for the lock, forever).
 */
public interface ServerLocks {
    /** Takes the lock named {@code key} for {@code session} if it is free; never waits. */
    boolean tryLock(Connection session, String key) throws SQLException;

    /** Releases a lock {@code session} holds. */
    void unlock(Connection session, String key) throws SQLException;

    /** Who holds the lock now, for messages ({@code pid 4711 (mdb, 10.0.0.5), idle 12 s}); null when free or unknown. */
    String holder(Connection session, String key) throws SQLException;
}
