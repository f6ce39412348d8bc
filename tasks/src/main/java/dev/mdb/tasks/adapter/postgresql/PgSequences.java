package dev.mdb.tasks.adapter.postgresql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every sequence, in one query: standalone ones become {@code CREATE SEQUENCE} with their parameters but never their
 * current value (the dump must not change as rows are inserted), plus {@code ALTER SEQUENCE … OWNED BY} once the tables
 * exist (how a {@code serial} column round-trips); identity columns' sequences are handed to their column.
 */
final class PgSequences {
    private record Sequence(
            String name,
            boolean unlogged,
            SequenceOptions options,
            String comment,
            String ownerTable,
            String ownedBy) {}

    /**
     * An identity column's sequence: its name, whether that is the one PostgreSQL would choose anyway, its parameters
     * and its comment.
     */
    record Identity(String name, boolean defaultName, SequenceOptions options, String comment) {}

    private record Column(long relid, int attnum) {}

    private static final String SQL = PgCatalog.RELATIONS + """
            SELECT r.qname, c.relpersistence = 'u', format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
                   s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   (SELECT ds.description FROM pg_description ds WHERE ds.objoid = r.oid
                    AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0),
                   dep.deptype, dep.refobjid, dep.refobjsubid, t.relname,
                   quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(ta.attname),
                   r.relname = t.relname || '_' || ta.attname || '_seq' AND c.relnamespace = t.relnamespace
            FROM rel r JOIN pg_class c ON c.oid = r.oid JOIN pg_sequence s ON s.seqrelid = r.oid
            LEFT JOIN pg_depend dep ON dep.classid = 'pg_class'::regclass AND dep.objid = r.oid
                 AND dep.refclassid = 'pg_class'::regclass AND dep.refobjsubid > 0 AND dep.deptype IN ('a', 'i')
            LEFT JOIN pg_class t ON t.oid = dep.refobjid
            LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
            LEFT JOIN pg_attribute ta ON ta.attrelid = dep.refobjid AND ta.attnum = dep.refobjsubid
            WHERE r.relkind = 'S'
            ORDER BY r.nspname, r.relname
            """;

    private final List<Sequence> sequences;
    private final Map<Column, Identity> identities;

    private PgSequences(List<Sequence> sequences, Map<Column, Identity> identities) {
        this.sequences = sequences;
        this.identities = identities;
    }

    static final List<String> QUERIES = List.of(SQL);

    static PgSequences read(PgBatch batch) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        Map<Column, Identity> identities = new HashMap<>();
        batch.next(rs -> {
            SequenceOptions options = options(rs, 3);
            if ("i".equals(rs.getString(11))) {
                identities.put(
                        new Column(rs.getLong(12), rs.getInt(13)),
                        new Identity(rs.getString(1), rs.getBoolean(16), options, rs.getString(10)));
            } else if (!PgCatalog.excluded(rs.getString(14))) {
                // (A sequence owned by an excluded table, mdb's metadata, is left out with its table.)
                sequences.add(new Sequence(
                        rs.getString(1),
                        rs.getBoolean(2),
                        options,
                        rs.getString(10),
                        rs.getString(14),
                        rs.getString(15)));
            }
            return Boolean.TRUE;
        });
        return new PgSequences(sequences, identities);
    }

    /** Sequence parameters from {@code format_type(seqtypid)} at {@code first} and the six columns after it. */
    private static SequenceOptions options(ResultSet rs, int first) throws SQLException {
        return new SequenceOptions(
                rs.getString(first),
                rs.getLong(first + 1),
                rs.getLong(first + 2),
                rs.getLong(first + 3),
                rs.getLong(first + 4),
                rs.getLong(first + 5),
                rs.getBoolean(first + 6));
    }

    /** The identity sequence of column {@code attnum} of relation {@code relid}, or {@code null}. */
    Identity identityOf(long relid, int attnum) {
        return identities.get(new Column(relid, attnum));
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
