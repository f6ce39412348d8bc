package dev.mdb.runtime.engine;

/** What an engine can do. mdb decides by these, so an engine with other capabilities needs no code elsewhere. */
public enum Capability {
    /** DDL runs inside transactions: a migration and its history row commit or roll back together. */
    TRANSACTIONAL_DDL,
    /** Server-side named locks ({@code pg_advisory_lock}, {@code GET_LOCK}): migrators of one database wait there. */
    ADVISORY_LOCKS,
    /** A session can be made read-only, the server-side layer of the write guard. */
    READ_ONLY_SESSIONS,
    /** A writer's position and a replica's replay position can be read and compared (exact read-your-writes). */
    REPLICATION_POSITIONS,
    /** {@code DROP DATABASE … WITH (FORCE)} ends the other sessions of the database being dropped. */
    DROP_DATABASE_FORCE,
    /** A database is a file: opening it creates it, and mdb locks migrations with a file beside it. */
    DATABASE_FILES
}
