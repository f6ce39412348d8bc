package dev.mdb.tasks.schema;

import dev.mdb.runtime.engine.CatalogRules;
import dev.mdb.tasks.migrate.SchemaHistory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The application's tables in the connection's current database/schema: everything but bookkeeping tables and the
 * engine's own ({@link CatalogRules#isSystem}).
 */
public final class UserTables {
    private static final Set<String> BOOKKEEPING = Set.of(SchemaHistory.TABLE, "mdb_internal_metadata");

    private UserTables() {}

    public static List<String> list(Connection c, CatalogRules engineTables) throws SQLException {
        List<String> tables = new ArrayList<>();
        String schema;
        try {
            schema = c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            schema = null;
        }
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!BOOKKEEPING.contains(lower) && !engineTables.isSystem(null, name)) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }
}
