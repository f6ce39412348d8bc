package dev.mdb.tasks;

/** A migration file not applied yet, as {@code db:abort_if_pending_migrations} lists it. */
public record PendingMigration(String database, String version, String className) {}
