package dev.mdb.tasks.adapter.postgresql;

import dev.mdb.tasks.schema.SchemaDumper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Sequences other than identity columns' (those are part of the column): {@code CREATE SEQUENCE} with its parameters
 * but never its current value (the dump must not change as rows are inserted), and {@code ALTER SEQUENCE … OWNED BY}
 * once the tables exist, which is how a {@code serial} column round-trips.
 */
final class PgSequences {
    private record Sequence(
            String name,
            boolean unlogged,
            SequenceOptions options,
            String comment,
            String ownerTable,
            String ownedBy) {}

    private static final String SQL = PgCatalog.RELATIONS
            + " SELECT r.qname, c.relpersistence = 'u', format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,"
            + " s.seqmin, s.seqmax, s.seqcache, s.seqcycle, "
            + PgCatalog.description("pg_class", "r.oid") + ", o.relname, o.owned_by"
            + " FROM rel r JOIN pg_class c ON c.oid = r.oid JOIN pg_sequence s ON s.seqrelid = r.oid"
            + " LEFT JOIN LATERAL (SELECT t.relname, " + PgCatalog.qualified("tn.nspname", "t.relname")
            + " || '.' || quote_ident(a.attname) AS owned_by FROM pg_depend dep JOIN pg_class t ON t.oid = dep.refobjid"
            + " JOIN pg_namespace tn ON tn.oid = t.relnamespace"
            + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = dep.refobjsubid"
            + " WHERE dep.classid = 'pg_class'::regclass AND dep.objid = r.oid"
            + " AND dep.refclassid = 'pg_class'::regclass AND dep.deptype = 'a' AND dep.refobjsubid > 0"
            + " ORDER BY 1, 2 LIMIT 1) o ON true"
            + " WHERE r.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend i"
            + " WHERE i.classid = 'pg_class'::regclass AND i.objid = r.oid AND i.deptype = 'i')"
            + " ORDER BY r.nspname, r.relname";

    private final List<Sequence> sequences;

    private PgSequences(List<Sequence> sequences) {
        this.sequences = sequences;
    }

    static PgSequences read(Connection connection) throws SQLException {
        List<Sequence> all = PgCatalog.list(
                connection,
                SQL,
                rs -> new Sequence(
                        rs.getString(1),
                        rs.getBoolean(2),
                        new SequenceOptions(
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getLong(8),
                                rs.getBoolean(9)),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12)));
        // A sequence owned by an excluded table (mdb's metadata) is left out with its table.
        return new PgSequences(all.stream()
                .filter(s -> s.ownerTable() == null || !SchemaDumper.EXCLUDED_TABLES.contains(s.ownerTable()))
                .toList());
    }

    void dumpCreate(PgScript out) {
        for (Sequence s : sequences) {
            out.statement("CREATE " + (s.unlogged() ? "UNLOGGED " : "") + "SEQUENCE " + s.name() + "\n    "
                    + String.join("\n    ", s.options().createClauses()));
            out.comment("SEQUENCE", s.name(), PgCatalog.literalOrNull(s.comment()));
        }
    }

    void dumpOwnedBy(PgScript out) {
        for (Sequence s : sequences) {
            if (s.ownedBy() != null) {
                out.statement("ALTER SEQUENCE " + s.name() + " OWNED BY " + s.ownedBy());
            }
        }
    }
}
