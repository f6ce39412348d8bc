package dev.mdb.runtime.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * What the console's {@code \dt}, {@code \d} and completion read from {@link java.sql.DatabaseMetaData}: the catalog to
 * scope the look-up to, and which schemas and tables are the engine's own.
 *
 * @param scopeToCatalog look only in the connection's catalog (MySQL/MariaDB: a catalog is a database)
 * @param systemSchemas schemas of the engine's own catalogs (lower case), left out
 * @param systemSchemaPrefix schemas whose lower-case name starts with it are the engine's own, or null
 * @param systemTablePrefix tables whose lower-case name starts with it are the engine's own, or null
 */
public record CatalogRules(
        boolean scopeToCatalog, Set<String> systemSchemas, String systemSchemaPrefix, String systemTablePrefix) {
    public CatalogRules {
        systemSchemas = Set.copyOf(systemSchemas);
    }

    /** The catalog argument of {@code DatabaseMetaData} look-ups: the current one, or null for all. */
    public String catalog(Connection connection) throws SQLException {
        return scopeToCatalog ? connection.getCatalog() : null;
    }

    /** Whether a table of {@code schema} named {@code name} belongs to the engine rather than the user. */
    public boolean isSystem(String schema, String name) {
        String s = schema == null ? null : schema.toLowerCase(Locale.ROOT);
        return (s != null
                        && (systemSchemas.contains(s)
                                || (systemSchemaPrefix != null && s.startsWith(systemSchemaPrefix))))
                || (systemTablePrefix != null
                        && name != null
                        && name.toLowerCase(Locale.ROOT).startsWith(systemTablePrefix));
    }
}
