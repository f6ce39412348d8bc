package dev.mdb.tasks.adapter.postgresql;

import java.sql.SQLException;
import java.util.List;

/**
 * Indexes of dumped tables as {@code pg_get_indexdef} writes them (unique, partial, expression, multi-column, ordering,
 * operator classes, {@code INCLUDE}, storage parameters), except those behind a primary key, unique or exclusion
 * constraint, which the constraint creates; comments on every index (constraint ones too) and {@code CLUSTER ON}.
 */
final class PgIndexes {
    private PgIndexes() {}

    private record Index(
            String table,
            String name,
            String definition,
            boolean backsConstraint,
            boolean clustered,
            String comment,
            String bareName,
            boolean excluded) {}

    /** Constraint-backed indexes come from a hash join (pg_constraint has no index on conindid). */
    private static final String SQL = PgCatalog.RELATIONS + """
            , backing AS (SELECT DISTINCT conindid FROM pg_constraint WHERE contype IN ('p', 'u', 'x'))
            SELECT r.qname, quote_ident(r.nspname) || '.' || quote_ident(ic.relname),
                   CASE WHEN b.conindid IS NULL THEN pg_get_indexdef(i.indexrelid) END, b.conindid IS NOT NULL,
                   i.indisclustered,
                   (SELECT ds.description FROM pg_description ds WHERE ds.objoid = i.indexrelid
                    AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0),
                   quote_ident(ic.relname), r.relname
            FROM pg_index i JOIN rel r ON r.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
            LEFT JOIN backing b ON b.conindid = i.indexrelid
            WHERE r.relkind = 'r'
            ORDER BY r.nspname, r.relname, ic.relname
            """;

    static final List<String> QUERIES = List.of(SQL);

    static void dump(PgBatch batch, PgScript out) throws SQLException {
        List<Index> indexes = batch.next(rs -> new Index(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBoolean(4),
                rs.getBoolean(5),
                rs.getString(6),
                rs.getString(7),
                PgCatalog.excluded(rs.getString(8))));
        for (Index index : indexes) {
            if (index.excluded()) {
                continue;
            }
            if (!index.backsConstraint()) {
                out.statement(index.definition());
            }
            out.comment("INDEX", index.name(), PgCatalog.literalOrNull(index.comment()));
            if (index.clustered()) {
                out.statement("ALTER TABLE " + index.table() + " CLUSTER ON " + index.bareName());
            }
        }
    }
}
