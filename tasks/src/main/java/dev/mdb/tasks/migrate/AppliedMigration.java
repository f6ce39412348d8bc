package dev.mdb.tasks.migrate;

/** One successful versioned row of Flyway's history table. */
public record AppliedMigration(MigrationVersion version, String description, String script) {}
