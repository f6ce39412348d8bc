package dev.mdb.tasks.adapter.postgresql;

import dev.mdb.tasks.schema.UnsupportedSchemaObjectException;
import java.sql.SQLException;
import java.util.List;

/**
 * Finds, in one query, the objects the SQL dump cannot represent faithfully (functions, triggers, rules, policies,
 * materialized views, partitioning, inheritance, domains, composite/range/base types, user collations and operators,
 * …), so the dump fails naming the first of them instead of silently leaving it out. Extension members are not
 * checked: {@code CREATE EXTENSION} recreates them. Objects outside any schema count when created after initdb (OID
 * 16384 and up, {@code FirstNormalObjectId}).
 */
final class PgUnsupported {
    private PgUnsupported() {}

    private static final String SQL = PgCatalog.RELATIONS + """
            , found(kind, name) AS (
              SELECT CASE r.relkind WHEN 'm' THEN 'materialized view' WHEN 'p' THEN 'partitioned table'
                     WHEN 'f' THEN 'foreign table' ELSE 'composite type' END, r.qname
                FROM rel r WHERE r.relkind IN ('m', 'p', 'f', 'c')
              UNION ALL
              SELECT 'table (a partition)', r.qname FROM rel r JOIN pg_class c ON c.oid = r.oid
               WHERE c.relispartition
              UNION ALL
              SELECT 'table (inheritance child)', r.qname FROM pg_inherits i JOIN rel r ON r.oid = i.inhrelid
              UNION ALL
              SELECT CASE WHEN c.reloftype <> 0 THEN 'typed table'
                          WHEN c.relrowsecurity OR c.relforcerowsecurity THEN 'table with row-level security'
                          WHEN c.relreplident <> 'd' THEN 'table with a non-default replica identity'
                          ELSE 'table with access method ' || quote_ident(am.amname) END, r.qname
                FROM rel r JOIN pg_class c ON c.oid = r.oid LEFT JOIN pg_am am ON am.oid = c.relam
               WHERE r.relkind = 'r' AND (c.reloftype <> 0 OR c.relrowsecurity OR c.relforcerowsecurity
                     OR c.relreplident <> 'd' OR am.amname <> 'heap')
              UNION ALL
              SELECT 'policy', quote_ident(p.polname) || ' on ' || r.qname
                FROM pg_policy p JOIN rel r ON r.oid = p.polrelid
              UNION ALL
              SELECT 'trigger', quote_ident(t.tgname) || ' on ' || r.qname
                FROM pg_trigger t JOIN rel r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal
              UNION ALL
              SELECT 'rule', quote_ident(w.rulename) || ' on ' || r.qname
                FROM pg_rewrite w JOIN rel r ON r.oid = w.ev_class WHERE w.rulename <> '_RETURN'
              UNION ALL
              -- A column's type is a pg_depend entry when the type is not built in: look only at those.
              SELECT 'column of a composite type', r.qname || '.' || quote_ident(a.attname)
                FROM pg_depend d JOIN rel r ON r.oid = d.objid AND r.relkind = 'r'
                JOIN pg_type t ON t.oid = d.refobjid LEFT JOIN pg_type e ON e.oid = t.typelem
                JOIN pg_attribute a ON a.attrelid = d.objid AND a.attnum = d.objsubid
               WHERE d.refclassid = 'pg_type'::regclass AND d.classid = 'pg_class'::regclass AND d.objsubid > 0
                 AND (t.typtype = 'c' OR e.typtype = 'c')
              UNION ALL
              SELECT CASE o.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
                     quote_ident(ns.nspname) || '.' || quote_ident(o.proname)
                     || '(' || pg_get_function_identity_arguments(o.oid) || ')'
                FROM pg_proc o JOIN ns ON ns.oid = o.pronamespace
               WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_proc'::regclass AND ext.objid = o.oid)
              UNION ALL
              -- Enums are dumped; composite types are relations (above); array types come with their element.
              SELECT CASE o.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type'
                     WHEN 'm' THEN 'multirange type' ELSE 'base type' END,
                     quote_ident(ns.nspname) || '.' || quote_ident(o.typname)
                FROM pg_type o JOIN ns ON ns.oid = o.typnamespace
               WHERE o.typtype IN ('b', 'd', 'r', 'm', 'p')
                 AND NOT EXISTS (SELECT 1 FROM pg_type el WHERE el.oid = o.typelem AND el.typarray = o.oid)
                 AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_type'::regclass AND ext.objid = o.oid)
              UNION ALL
              SELECT k.kind, quote_ident(ns.nspname) || '.' || quote_ident(k.name)
                FROM (SELECT 'collation', 'pg_collation'::regclass, oid, collnamespace, collname FROM pg_collation
                      UNION ALL SELECT 'operator', 'pg_operator'::regclass, oid, oprnamespace, oprname
                                FROM pg_operator
                      UNION ALL SELECT 'operator class', 'pg_opclass'::regclass, oid, opcnamespace, opcname
                                FROM pg_opclass
                      UNION ALL SELECT 'operator family', 'pg_opfamily'::regclass, oid, opfnamespace, opfname
                                FROM pg_opfamily
                      UNION ALL SELECT 'text search configuration', 'pg_ts_config'::regclass, oid, cfgnamespace,
                                       cfgname FROM pg_ts_config
                      UNION ALL SELECT 'text search dictionary', 'pg_ts_dict'::regclass, oid, dictnamespace,
                                       dictname FROM pg_ts_dict
                      UNION ALL SELECT 'text search parser', 'pg_ts_parser'::regclass, oid, prsnamespace, prsname
                                FROM pg_ts_parser
                      UNION ALL SELECT 'text search template', 'pg_ts_template'::regclass, oid, tmplnamespace,
                                       tmplname FROM pg_ts_template
                      UNION ALL SELECT 'conversion', 'pg_conversion'::regclass, oid, connamespace, conname
                                FROM pg_conversion
                      UNION ALL SELECT 'statistics object', 'pg_statistic_ext'::regclass, oid, stxnamespace,
                                       stxname FROM pg_statistic_ext) AS k(kind, catalog, oid, nsp, name)
                JOIN ns ON ns.oid = k.nsp
               WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = k.catalog AND ext.objid = k.oid)
              UNION ALL
              SELECT g.kind, g.name
                FROM (SELECT 'event trigger', 'pg_event_trigger'::regclass, oid, quote_ident(evtname)
                        FROM pg_event_trigger
                      UNION ALL SELECT 'foreign-data wrapper', 'pg_foreign_data_wrapper'::regclass, oid,
                                       quote_ident(fdwname) FROM pg_foreign_data_wrapper
                      UNION ALL SELECT 'foreign server', 'pg_foreign_server'::regclass, oid, quote_ident(srvname)
                                FROM pg_foreign_server
                      UNION ALL SELECT 'publication', 'pg_publication'::regclass, oid, quote_ident(pubname)
                                FROM pg_publication
                      UNION ALL SELECT 'procedural language', 'pg_language'::regclass, oid, quote_ident(lanname)
                                FROM pg_language
                      UNION ALL SELECT 'access method', 'pg_am'::regclass, oid, quote_ident(amname) FROM pg_am
                      UNION ALL SELECT 'cast', 'pg_cast'::regclass, oid, '(' || format_type(castsource, NULL)
                                       || ' AS ' || format_type(casttarget, NULL) || ')' FROM pg_cast
                      UNION ALL SELECT 'transform', 'pg_transform'::regclass, oid, format_type(trftype, NULL)
                                FROM pg_transform) AS g(kind, catalog, oid, name)
               WHERE g.oid >= 16384
                 AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = g.catalog AND ext.objid = g.oid))
            SELECT kind, name, (SELECT count(*) FROM found) FROM found ORDER BY kind, name COLLATE "C" LIMIT 1
            """;

    static final List<String> QUERIES = List.of(SQL);

    /** Throws {@link UnsupportedSchemaObjectException} naming the first unsupported object, if there is one. */
    static void check(PgBatch batch) throws SQLException {
        List<String[]> first =
                batch.next(rs -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))});
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
