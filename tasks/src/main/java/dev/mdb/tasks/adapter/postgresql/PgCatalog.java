package dev.mdb.tasks.adapter.postgresql;

import dev.mdb.tasks.schema.SchemaDumper;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog query plumbing shared by the PostgreSQL dumper: which namespaces and relations are dumped, and rendering
 * helpers. Every query runs with {@code search_path} empty, so the server's deparsers ({@code pg_get_expr},
 * {@code format_type}, …) schema-qualify every user object. The queries are compile-time constants (text blocks), so a
 * cold JVM spends no time building them.
 */
final class PgCatalog {
    private PgCatalog() {}

    /**
     * The CTEs {@code ext(classid, objid)}, the objects that belong to an extension (found from the extension side, an
     * index range of pg_depend: scanning all of pg_depend in every query would cost more than the rest of it), and
     * {@code ns(oid, nspname)}, the non-system namespaces no extension owns. Names starting {@code pg_} are reserved
     * for the system ({@code pg_catalog}, {@code pg_toast*}, {@code pg_temp*}).
     */
    static final String NAMESPACES = """
            ext AS (SELECT d.classid, d.objid FROM pg_depend d
                    WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'),
            ns AS (SELECT n.oid, n.nspname FROM pg_namespace n
                   WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
                     AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_namespace'::regclass
                                     AND ext.objid = n.oid))
            """;

    /**
     * {@code WITH ext, ns, rel(oid, relname, relkind, nspname, qname)}: relations in dumped namespaces that no
     * extension owns; append {@code , more AS (…)} or a {@code SELECT}. {@link SchemaDumper#EXCLUDED_TABLES} are still
     * in: callers drop them by name ({@link #excluded}).
     */
    static final String RELATIONS = "WITH " + NAMESPACES + """
            , rel AS (SELECT c.oid, c.relname, c.relkind, ns.nspname,
                             quote_ident(ns.nspname) || '.' || quote_ident(c.relname) AS qname
                      FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
                      WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_class'::regclass
                                        AND ext.objid = c.oid))
            """;

    /** Whether a table of this (unquoted) name is left out of the dump: mdb's own metadata, in any schema. */
    static boolean excluded(String tableName) {
        return tableName != null && SchemaDumper.EXCLUDED_TABLES.contains(tableName);
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
     * {@code reloptions}-style {@code key=value} entries as the body of {@code WITH (…)}, values quoted as pg_dump
     * does, each key prefixed with {@code prefix} (e.g. {@code toast.}); empty for none.
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
}
