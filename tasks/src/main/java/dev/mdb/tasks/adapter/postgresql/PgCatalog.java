package dev.mdb.tasks.adapter.postgresql;

import dev.mdb.tasks.schema.SchemaDumper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Catalog query plumbing shared by the PostgreSQL dumper: which namespaces and relations are dumped, extension-member
 * filtering, and rendering helpers. Every query runs with {@code search_path} empty, so the server's deparsers
 * ({@code pg_get_expr}, {@code format_type}, …) schema-qualify every user object.
 */
final class PgCatalog {
    private PgCatalog() {}

    /** Maps one result row. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * The CTE {@code ns(oid, nspname)}: non-system namespaces that no extension owns. Names starting {@code pg_} are
     * reserved for the system ({@code pg_catalog}, {@code pg_toast*}, {@code pg_temp*}).
     */
    static final String NAMESPACES = "ns AS (SELECT n.oid, n.nspname FROM pg_namespace n"
            + " WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%' AND "
            + notMember("pg_namespace", "n.oid") + ")";

    /**
     * {@code WITH ns, rel(oid, relname, relkind, nspname, qname)}: relations in dumped namespaces, without extension
     * members and {@link SchemaDumper#EXCLUDED_TABLES} (by name, in any schema). Append {@code , more AS (…)} or a
     * {@code SELECT}.
     */
    static final String RELATIONS = "WITH " + NAMESPACES + ", rel AS (SELECT c.oid, c.relname, c.relkind, ns.nspname, "
            + qualified("ns.nspname", "c.relname") + " AS qname FROM pg_class c JOIN ns ON ns.oid = c.relnamespace"
            + " WHERE " + notMember("pg_class", "c.oid") + " AND NOT (c.relkind = 'r' AND c.relname IN ("
            + SchemaDumper.EXCLUDED_TABLES.stream()
                    .sorted()
                    .map(PgCatalog::literal)
                    .collect(Collectors.joining(", "))
            + ")))\n";

    /** A predicate: the object {@code oid} of system catalog {@code catalog} does not belong to an extension. */
    static String notMember(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = '" + catalog + "'::regclass AND x.objid = "
                + oid + " AND x.deptype = 'e')";
    }

    /** SQL for {@code schema.name}, each part quoted only when needed. */
    static String qualified(String schemaExpr, String nameExpr) {
        return "quote_ident(" + schemaExpr + ") || '.' || quote_ident(" + nameExpr + ")";
    }

    /**
     * The comment on object {@code oid} of {@code catalog} ({@code subId} 0, or a column number), as a scalar subquery:
     * an index lookup per row, whatever the planner's statistics say (catalogs are often never analyzed).
     */
    static String description(String catalog, String oid, String subId) {
        return "(SELECT ds.description FROM pg_description ds WHERE ds.objoid = " + oid + " AND ds.classoid = '"
                + catalog + "'::regclass AND ds.objsubid = " + subId + ")";
    }

    static String description(String catalog, String oid) {
        return description(catalog, oid, "0");
    }

    /** A standard-conforming string literal ({@code standard_conforming_strings} is on since PostgreSQL 9.1). */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A literal, or {@code null} for a {@code null} value. */
    static String literalOrNull(String value) {
        return value == null ? null : literal(value);
    }

    /**
     * {@code reloptions} ({@code key=value} entries) as the body of {@code WITH (…)}, values quoted as pg_dump does,
     * each key prefixed with {@code prefix} (e.g. {@code toast.}); empty for none.
     */
    static List<String> options(Array array, String prefix) throws SQLException {
        List<String> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        for (Object o : (Object[]) array.getArray()) {
            String option = (String) o;
            int eq = option.indexOf('=');
            out.add(
                    eq < 0
                            ? prefix + option
                            : prefix + option.substring(0, eq) + "=" + literal(option.substring(eq + 1)));
        }
        return out;
    }

    /** Runs {@code sql} and maps every row. */
    static <T> List<T> list(Connection connection, String sql, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(row.map(rs));
            }
        }
        return out;
    }
}
