package dev.mdb.tasks.adapter.postgresql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of a table or view: type ({@code format_type}), collation when not the type's, compression, default
 * ({@code pg_get_expr}), identity with its non-default sequence options, generated expression, NOT NULL, and the
 * settings that need an {@code ALTER TABLE} (statistics target, storage).
 */
record PgColumn(
        String name,
        String type,
        String compression,
        String collation,
        boolean notNull,
        String identity,
        String generated,
        String defaultExpr,
        int statistics,
        String storage,
        List<String> options,
        String comment,
        String identitySequence,
        SequenceOptions identityOptions) {

    private static String sql(int serverMajorVersion) {
        String compression = serverMajorVersion >= 14
                ? "CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END"
                : "NULL::text";
        return PgCatalog.RELATIONS
                + " SELECT a.attrelid, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), " + compression
                + ", CASE WHEN a.attcollation <> t.typcollation THEN "
                + PgCatalog.qualified("cn.nspname", "co.collname") + " END, a.attnotnull,"
                + " CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END,"
                + " CASE a.attgenerated WHEN 's' THEN 'STORED' WHEN 'v' THEN 'VIRTUAL' END,"
                + " pg_get_expr(ad.adbin, ad.adrelid), COALESCE(a.attstattarget, -1),"
                + " CASE WHEN a.attstorage <> t.typstorage THEN CASE a.attstorage WHEN 'p' THEN 'PLAIN'"
                + " WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' WHEN 'x' THEN 'EXTENDED' END END, "
                + PgCatalog.description("pg_class", "a.attrelid", "a.attnum") + ","
                + " CASE WHEN NOT i.default_name THEN i.qname END, format_type(i.seqtypid, NULL), i.seqstart,"
                + " i.seqincrement, i.seqmin, i.seqmax, i.seqcache, i.seqcycle, a.attoptions"
                + " FROM pg_attribute a JOIN rel r ON r.oid = a.attrelid AND r.relkind IN ('r', 'v')"
                + " JOIN pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
                + " LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace"
                + " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
                + " LEFT JOIN LATERAL (SELECT " + PgCatalog.qualified("sn.nspname", "sc.relname") + " AS qname,"
                + " sc.relname = r.relname || '_' || a.attname || '_seq' AND sn.nspname = r.nspname AS default_name,"
                + " s.seqtypid, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle"
                + " FROM pg_depend dep JOIN pg_class sc ON sc.oid = dep.objid AND sc.relkind = 'S'"
                + " JOIN pg_namespace sn ON sn.oid = sc.relnamespace JOIN pg_sequence s ON s.seqrelid = sc.oid"
                + " WHERE a.attidentity IN ('a', 'd') AND dep.classid = 'pg_class'::regclass"
                + " AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid = a.attrelid"
                + " AND dep.refobjsubid = a.attnum AND dep.deptype = 'i' LIMIT 1) i ON true"
                + " WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum";
    }

    /** The columns of every dumped table and view, by relation OID, each in {@code attnum} order. */
    static Map<Long, List<PgColumn>> read(Connection connection, int serverMajorVersion) throws SQLException {
        Map<Long, List<PgColumn>> out = new HashMap<>();
        PgCatalog.list(connection, sql(serverMajorVersion), rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(of(rs));
            return Boolean.TRUE;
        });
        return out;
    }

    private static PgColumn of(ResultSet rs) throws SQLException {
        SequenceOptions options = rs.getString(14) == null
                ? null
                : new SequenceOptions(
                        rs.getString(14),
                        rs.getLong(15),
                        rs.getLong(16),
                        rs.getLong(17),
                        rs.getLong(18),
                        rs.getLong(19),
                        rs.getBoolean(20));
        return new PgColumn(
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBoolean(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getInt(10),
                rs.getString(11),
                userOptions(PgCatalog.options(rs.getArray(21), "")),
                rs.getString(12),
                rs.getString(13),
                options);
    }

    /**
     * Options set with {@code ALTER COLUMN … SET (…)}, without those the server keeps for itself (keys starting
     * {@code pg_}, such as a per-database {@code pg_attver} stamp some servers add: pg_dump leaves them out too).
     */
    private static List<String> userOptions(List<String> options) {
        return options.stream().filter(o -> !o.startsWith("pg_")).toList();
    }

    /** The column's line in {@code CREATE TABLE}. */
    String definition() {
        StringBuilder sql = new StringBuilder(name).append(' ').append(type);
        if (compression != null) {
            sql.append(" COMPRESSION ").append(compression);
        }
        if (collation != null) {
            sql.append(" COLLATE ").append(collation);
        }
        if (generated != null) {
            sql.append(" GENERATED ALWAYS AS (")
                    .append(defaultExpr)
                    .append(") ")
                    .append(generated);
        } else if (identity != null) {
            sql.append(" GENERATED ").append(identity).append(" AS IDENTITY");
            List<String> clauses = new ArrayList<>();
            if (identitySequence != null) {
                clauses.add("SEQUENCE NAME " + identitySequence);
            }
            if (identityOptions != null) {
                clauses.addAll(identityOptions.identityClauses());
            }
            if (!clauses.isEmpty()) {
                sql.append(" (").append(String.join(" ", clauses)).append(')');
            }
        } else if (defaultExpr != null) {
            sql.append(" DEFAULT ").append(defaultExpr);
        }
        if (notNull) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }
}
