package dev.mdb.tasks.adapter.postgresql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of a table or view: type ({@code format_type}), collation when not the type's, compression, default
 * ({@code pg_get_expr}), identity with its non-default sequence options, generated expression, NOT NULL, and the
 * settings that need an {@code ALTER TABLE} (statistics target, storage, options).
 *
 * <p>Options are those set with {@code ALTER COLUMN … SET (…)}, without the ones a server keeps for itself (keys
 * starting {@code pg_}, such as a per-database {@code pg_attver} stamp some servers add to every column; pg_dump leaves
 * them out too, and they would make the dump differ between databases).
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
        PgSequences.Identity identitySequence) {

    /** Every column of dumped tables and views; {@code %s} is the compression method (PostgreSQL 14+). */
    private static final String SQL = PgCatalog.RELATIONS + """
            SELECT a.attrelid, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), %s,
                   CASE WHEN a.attcollation <> t.typcollation
                        THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END,
                   a.attnotnull,
                   CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END,
                   CASE a.attgenerated WHEN 's' THEN 'STORED' WHEN 'v' THEN 'VIRTUAL' END,
                   pg_get_expr(ad.adbin, ad.adrelid), COALESCE(a.attstattarget, -1),
                   CASE WHEN a.attstorage <> t.typstorage THEN CASE a.attstorage WHEN 'p' THEN 'PLAIN'
                        WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' WHEN 'x' THEN 'EXTENDED' END END,
                   (SELECT array_agg(u.o ORDER BY u.n) FROM unnest(a.attoptions) WITH ORDINALITY AS u(o, n)
                    WHERE u.o NOT LIKE 'pg\\_%'),
                   (SELECT ds.description FROM pg_description ds WHERE ds.objoid = a.attrelid
                    AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum),
                   a.attnum
            FROM pg_attribute a JOIN rel r ON r.oid = a.attrelid AND r.relkind IN ('r', 'v')
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
            LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """;

    private static final String SQL_14 =
            SQL.replace("%s", "CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END");
    private static final String SQL_12 = SQL.replace("%s", "NULL::text");

    static String sql(int serverMajorVersion) {
        return serverMajorVersion >= 14 ? SQL_14 : SQL_12;
    }

    /** The columns of every dumped table and view, by relation OID, each in {@code attnum} order. */
    static Map<Long, List<PgColumn>> read(PgBatch batch, PgSequences sequences) throws SQLException {
        Map<Long, List<PgColumn>> out = new HashMap<>();
        batch.next(rs -> {
            long relid = rs.getLong(1);
            String identity = rs.getString(7);
            out.computeIfAbsent(relid, k -> new ArrayList<>())
                    .add(new PgColumn(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getBoolean(6),
                            identity,
                            rs.getString(8),
                            rs.getString(9),
                            rs.getInt(10),
                            rs.getString(11),
                            PgCatalog.options(rs.getArray(12), ""),
                            rs.getString(13),
                            identity == null ? null : sequences.identityOf(relid, rs.getInt(14))));
            return Boolean.TRUE;
        });
        return out;
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
            if (identitySequence != null && !identitySequence.defaultName()) {
                clauses.add("SEQUENCE NAME " + identitySequence.name());
            }
            if (identitySequence != null) {
                clauses.addAll(identitySequence.options().identityClauses());
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
