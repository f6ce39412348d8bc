package dev.mdb.cli.console;

import dev.mdb.runtime.engine.CatalogRules;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code \dt} and {@code \d TABLE} from {@link DatabaseMetaData} of the current target, so they work the same on every
 * engine: user tables and views (the engine's own catalogs left out, by its {@link CatalogRules}), and a table's
 * columns with type, nullability and default.
 */
public final class SchemaDescriber {
    private static final String[] TYPES = {"TABLE", "VIEW"};
    /** Sizes above this are a driver's "unlimited" (TEXT, unconstrained VARCHAR), not a declared length. */
    private static final int MAX_DECLARED_SIZE = 65_535;
    /** PostgreSQL's largest declarable NUMERIC precision. */
    private static final int MAX_PRECISION = 1000;

    private SchemaDescriber() {}

    /** Schema (when the engine has them), name and type of every user table and view. */
    public static ResultTable tables(Connection connection, CatalogRules rules) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        boolean schemas = false;
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(rules.catalog(connection), null, "%", TYPES)) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String name = rs.getString("TABLE_NAME");
                if (rules.isSystem(schema, name)) {
                    continue;
                }
                schemas |= schema != null;
                rows.add(List.of(
                        schema == null ? "" : schema,
                        name,
                        rs.getString("TABLE_TYPE").toLowerCase(Locale.ROOT)));
            }
        }
        if (schemas) {
            return ResultTable.of(List.of("Schema", "Name", "Type"), rows);
        }
        return ResultTable.of(
                List.of("Name", "Type"),
                rows.stream().map(r -> List.of(r.get(1), r.get(2))).toList());
    }

    /**
     * Column, type, nullability and default of {@code table} ({@code schema.table} allowed, quotes dropped); null when
     * there is no such table.
     */
    public static ResultTable columns(Connection connection, CatalogRules rules, String table) throws SQLException {
        String name = table.strip();
        String schema = null;
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            schema = unquote(name.substring(0, dot));
            name = name.substring(dot + 1);
        }
        name = unquote(name);
        for (String candidate :
                new LinkedHashSet<>(List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT)))) {
            List<List<String>> rows = columnRows(connection, rules, schema, candidate);
            if (!rows.isEmpty()) {
                return ResultTable.of(List.of("Column", "Type", "Nullable", "Default"), rows);
            }
        }
        return null;
    }

    /** Table names, then column names, for completion (at most {@code limit} of each). */
    public static List<String> identifiers(Connection connection, CatalogRules rules, int limit) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        Set<String> columns = new LinkedHashSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(rules.catalog(connection), null, "%", TYPES)) {
            while (rs.next() && names.size() < limit) {
                if (!rules.isSystem(rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"))) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        for (String table : names) {
            try (ResultSet rs = meta.getColumns(rules.catalog(connection), null, table, "%")) {
                while (rs.next() && columns.size() < limit) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        names.addAll(columns);
        return List.copyOf(names);
    }

    private static List<List<String>> columnRows(Connection connection, CatalogRules rules, String schema, String table)
            throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getColumns(rules.catalog(connection), schema, table, "%")) {
            while (rs.next()) {
                if (schema == null && rules.isSystem(rs.getString("TABLE_SCHEM"), table)) {
                    continue;
                }
                String nullable = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? "not null" : "";
                String defaultValue = rs.getString("COLUMN_DEF");
                rows.add(List.of(
                        rs.getString("COLUMN_NAME"), type(rs), nullable, defaultValue == null ? "" : defaultValue));
            }
        }
        return rows;
    }

    private static String type(ResultSet rs) throws SQLException {
        String name = rs.getString("TYPE_NAME");
        int sqlType = rs.getInt("DATA_TYPE");
        int size = rs.getInt("COLUMN_SIZE");
        boolean sized = !rs.wasNull() && size > 0 && size <= MAX_DECLARED_SIZE && !name.contains("(");
        boolean character = sqlType == Types.VARCHAR || sqlType == Types.CHAR || sqlType == Types.NVARCHAR;
        if (sized && character && name.toUpperCase(Locale.ROOT).contains("CHAR")) {
            return name + "(" + size + ")";
        }
        int scale = rs.getInt("DECIMAL_DIGITS");
        if (sized && size <= MAX_PRECISION && (sqlType == Types.NUMERIC || sqlType == Types.DECIMAL)) {
            return name + "(" + size + "," + scale + ")";
        }
        return name;
    }

    private static String unquote(String identifier) {
        String s = identifier.strip();
        if (s.length() >= 2 && "\"`[".indexOf(s.charAt(0)) >= 0) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
