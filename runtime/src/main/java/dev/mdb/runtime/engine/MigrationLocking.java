package dev.mdb.runtime.engine;

/** How two {@code db:migrate} runs on one database are kept from applying a migration twice. */
public enum MigrationLocking {
    /** The migrator takes the server's named lock (Flyway: PostgreSQL advisory lock, MySQL {@code GET_LOCK}). */
    SERVER_LOCK,
    /** mdb holds an OS lock on a file beside the database ({@code <database>.mdb-lock}). */
    FILE_LOCK,
    /** No lock: the engine keeps migrators apart by other means, or not at all. */
    NONE
}
