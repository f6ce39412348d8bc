package dev.mdb.tasks.schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes the schema of a database as SQL that loads into an empty database of the same engine. Implementations are
 * per engine and must be deterministic: the same bytes on every run for the same schema (stable ordering; no
 * timestamps, owners, OIDs or generated constraint names that differ between databases), so that dump, load into an
 * empty database, dump again gives identical bytes.
 */
public interface SchemaDumper {
    /**
     * Tables kept out of the dump: mdb's metadata (written afresh by every load). Flyway's {@code
     * flyway_schema_history} IS dumped like any table (its DDL and indexes); the task layer appends its rows.
     */
    java.util.Set<String> EXCLUDED_TABLES = java.util.Set.of("mdb_internal_metadata");

    /**
     * The DDL of every object of the connection's database/schema except {@link #EXCLUDED_TABLES}: each statement
     * ends with {@code ;} and a blank line follows it; statements are ordered so that the file loads top to bottom
     * (e.g. enums and sequences before tables, tables before foreign keys and views). Throws
     * {@link UnsupportedSchemaObjectException} for an object it cannot represent faithfully.
     */
    String dump(Connection connection) throws SQLException;
}
