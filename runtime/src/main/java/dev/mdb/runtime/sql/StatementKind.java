package dev.mdb.runtime.sql;

/**
 * What a SQL statement does, as far as write prevention is concerned.
 *
 * <p>The constants are declared in the order of the public API; {@link #severity()} orders them for combining the
 * statements of a multi-statement string: {@code READ < TRANSACTION_CONTROL < SESSION < LOCKING_READ < WRITE < DDL <
 * UNKNOWN}.
 */
public enum StatementKind {
    /** A query without side effects: {@code SELECT}, {@code VALUES}, {@code SHOW}, plain {@code EXPLAIN}. */
    READ(0),
    /** A query that takes row locks ({@code FOR UPDATE}, {@code LOCK IN SHARE MODE}) or an advisory lock. */
    LOCKING_READ(3),
    /** Changes data or server state: DML, {@code COPY FROM}, {@code VACUUM}, write functions, {@code SET GLOBAL}. */
    WRITE(4),
    /** Changes the schema or privileges: {@code CREATE}, {@code ALTER}, {@code DROP}, {@code TRUNCATE}, ... */
    DDL(5),
    /** {@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, savepoints. */
    TRANSACTION_CONTROL(1),
    /** Changes only the state of this connection: {@code SET}, {@code USE}, cursors, user variables. */
    SESSION(2),
    /** Not recognised, or may do anything ({@code CALL}, {@code DO}, {@code EXECUTE}): treated as a write. */
    UNKNOWN(6);

    private final int severity;

    StatementKind(int severity) {
        this.severity = severity;
    }

    /**
     * Whether a route that prevents writes refuses this kind. True for {@link #WRITE}, {@link #DDL}, {@link
     * #LOCKING_READ} (row locks are refused by standbys and read-only transactions) and {@link #UNKNOWN} (fail
     * closed).
     */
    public boolean refusedWhenPreventingWrites() {
        return this == WRITE || this == DDL || this == LOCKING_READ || this == UNKNOWN;
    }

    /** Rank used to pick the kind of a multi-statement string: the statement with the highest rank wins. */
    public int severity() {
        return severity;
    }

    /** The more severe of two kinds ({@code a} on a tie). */
    public static StatementKind mostSevere(StatementKind a, StatementKind b) {
        return b.severity > a.severity ? b : a;
    }
}
