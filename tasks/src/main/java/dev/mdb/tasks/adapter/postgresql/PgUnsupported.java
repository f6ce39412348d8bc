package dev.mdb.tasks.adapter.postgresql;

import dev.mdb.tasks.schema.UnsupportedSchemaObjectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Finds, in one query, the objects the SQL dump cannot represent faithfully (functions, triggers, rules, policies,
 * materialized views, partitioning, inheritance, domains, composite/range/base types, user collations and operators,
 * …), so the dump fails naming the first of them instead of silently leaving it out. Extension members are not
 * checked: {@code CREATE EXTENSION} recreates them.
 */
final class PgUnsupported {
    private PgUnsupported() {}

    private static final String FIRST_USER_OID = "16384"; // FirstNormalObjectId: OIDs below belong to initdb

    /** Objects of {@code catalog} in dumped namespaces; {@code kind} is SQL, {@code name} the object's name column. */
    private static String inNs(String kind, String catalog, String alias, String nsColumn, String name, String suffix) {
        return "SELECT " + kind + ", " + PgCatalog.qualified("ns.nspname", alias + "." + name) + suffix + ", " + alias
                + ".oid FROM " + catalog + " " + alias + " JOIN ns ON ns.oid = " + alias + "." + nsColumn + " WHERE "
                + PgCatalog.notMember(catalog, alias + ".oid");
    }

    private static String inNs(String kind, String catalog, String nsColumn, String name) {
        return inNs("'" + kind + "'", catalog, "o", nsColumn, name, "");
    }

    private static String global(String kind, String catalog, String alias, String nameExpr) {
        return "SELECT '" + kind + "', quote_ident(" + nameExpr + "), " + alias + ".oid FROM " + catalog + " " + alias
                + " WHERE " + alias + ".oid >= " + FIRST_USER_OID + " AND "
                + PgCatalog.notMember(catalog, alias + ".oid");
    }

    private static final String SQL = PgCatalog.RELATIONS
            + ", found(kind, name, oid) AS (\n"
            + String.join(
                    "\nUNION ALL ",
                    List.of(
                            "SELECT CASE r.relkind WHEN 'm' THEN 'materialized view' WHEN 'p' THEN 'partitioned table'"
                                    + " WHEN 'f' THEN 'foreign table' ELSE 'composite type' END, r.qname, r.oid"
                                    + " FROM rel r WHERE r.relkind IN ('m', 'p', 'f', 'c')",
                            "SELECT 'table (a partition)', r.qname, r.oid FROM rel r JOIN pg_class c ON c.oid = r.oid"
                                    + " WHERE c.relispartition",
                            "SELECT 'table (inheritance child)', r.qname, r.oid FROM pg_inherits i JOIN rel r"
                                    + " ON r.oid = i.inhrelid",
                            "SELECT 'typed table', r.qname, r.oid FROM rel r JOIN pg_class c ON c.oid = r.oid"
                                    + " WHERE c.reloftype <> 0",
                            "SELECT 'table with row-level security', r.qname, r.oid FROM rel r JOIN pg_class c"
                                    + " ON c.oid = r.oid WHERE c.relrowsecurity OR c.relforcerowsecurity",
                            "SELECT 'policy', quote_ident(p.polname) || ' on ' || r.qname, p.oid FROM pg_policy p"
                                    + " JOIN rel r ON r.oid = p.polrelid",
                            "SELECT 'table with a non-default replica identity', r.qname, r.oid FROM rel r"
                                    + " JOIN pg_class c ON c.oid = r.oid WHERE r.relkind = 'r' AND c.relreplident <> 'd'",
                            "SELECT 'table with access method ' || quote_ident(am.amname), r.qname, r.oid FROM rel r"
                                    + " JOIN pg_class c ON c.oid = r.oid JOIN pg_am am ON am.oid = c.relam"
                                    + " WHERE r.relkind = 'r' AND am.amname <> 'heap'",
                            "SELECT 'trigger', quote_ident(t.tgname) || ' on ' || r.qname, t.oid FROM pg_trigger t"
                                    + " JOIN rel r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal",
                            "SELECT 'rule', quote_ident(w.rulename) || ' on ' || r.qname, w.oid FROM pg_rewrite w"
                                    + " JOIN rel r ON r.oid = w.ev_class WHERE w.rulename <> '_RETURN'",
                            "SELECT 'column with foreign-data options', r.qname || '.' || quote_ident(a.attname),"
                                    + " r.oid FROM pg_attribute a JOIN rel r ON r.oid = a.attrelid"
                                    + " WHERE a.attnum > 0 AND a.attfdwoptions IS NOT NULL",
                            "SELECT 'column of a table''s row type', r.qname || '.' || quote_ident(a.attname),"
                                    + " r.oid FROM pg_attribute a JOIN rel r ON r.oid = a.attrelid"
                                    + " JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type e ON e.oid = t.typelem"
                                    + " WHERE r.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped"
                                    + " AND (t.typrelid <> 0 OR COALESCE(e.typrelid, 0) <> 0)",
                            inNs(
                                    "CASE o.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate'"
                                            + " ELSE 'function' END",
                                    "pg_proc",
                                    "o",
                                    "pronamespace",
                                    "proname",
                                    " || '(' || pg_get_function_identity_arguments(o.oid) || ')'"),
                            inNs(
                                            "CASE o.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type'"
                                                    + " WHEN 'm' THEN 'multirange type' ELSE 'base type' END",
                                            "pg_type",
                                            "o",
                                            "typnamespace",
                                            "typname",
                                            "")
                                    + " AND o.typtype IN ('b', 'd', 'r', 'm', 'p') AND NOT EXISTS (SELECT 1"
                                    + " FROM pg_type el WHERE el.oid = o.typelem AND el.typarray = o.oid)",
                            inNs("collation", "pg_collation", "collnamespace", "collname"),
                            inNs("operator", "pg_operator", "oprnamespace", "oprname"),
                            inNs("operator class", "pg_opclass", "opcnamespace", "opcname"),
                            inNs("operator family", "pg_opfamily", "opfnamespace", "opfname"),
                            inNs("text search configuration", "pg_ts_config", "cfgnamespace", "cfgname"),
                            inNs("text search dictionary", "pg_ts_dict", "dictnamespace", "dictname"),
                            inNs("text search parser", "pg_ts_parser", "prsnamespace", "prsname"),
                            inNs("text search template", "pg_ts_template", "tmplnamespace", "tmplname"),
                            inNs("conversion", "pg_conversion", "connamespace", "conname"),
                            inNs("statistics object", "pg_statistic_ext", "stxnamespace", "stxname"),
                            global("event trigger", "pg_event_trigger", "o", "o.evtname"),
                            global("foreign-data wrapper", "pg_foreign_data_wrapper", "o", "o.fdwname"),
                            global("foreign server", "pg_foreign_server", "o", "o.srvname"),
                            global("publication", "pg_publication", "o", "o.pubname"),
                            global("procedural language", "pg_language", "o", "o.lanname"),
                            global("access method", "pg_am", "o", "o.amname"),
                            "SELECT 'cast', '(' || format_type(o.castsource, NULL) || ' AS '"
                                    + " || format_type(o.casttarget, NULL) || ')', o.oid FROM pg_cast o WHERE o.oid >= "
                                    + FIRST_USER_OID + " AND " + PgCatalog.notMember("pg_cast", "o.oid"),
                            "SELECT 'transform', format_type(o.trftype, NULL), o.oid FROM pg_transform o WHERE "
                                    + PgCatalog.notMember("pg_transform", "o.oid")))
            + ")\nSELECT kind, name, (SELECT count(*) FROM found) FROM found ORDER BY kind, name COLLATE \"C\" LIMIT 1";

    /** Throws {@link UnsupportedSchemaObjectException} naming the first unsupported object, if there is one. */
    static void check(Connection connection) throws SQLException {
        List<String[]> first = PgCatalog.list(
                connection, SQL, rs -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))});
        if (!first.isEmpty()) {
            String[] row = first.get(0);
            long more = Long.parseLong(row[2]) - 1;
            throw new UnsupportedSchemaObjectException(
                    row[0],
                    row[1],
                    "mdb's SQL dump does not reproduce it" + (more > 0 ? "; " + more + " more such object(s)" : ""));
        }
    }
}
