package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;

/** What db:prepare did to one database: created it, loaded its schema file, applied that many migrations. */
public record Prepared(DatabaseConfig config, boolean created, boolean schemaLoaded, int migrated) {}
