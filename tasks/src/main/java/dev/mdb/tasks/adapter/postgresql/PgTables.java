package dev.mdb.tasks.adapter.postgresql;

import dev.mdb.tasks.schema.UnsupportedSchemaObjectException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables: {@code CREATE TABLE} with columns and the constraints that cannot form cycles (primary key, unique,
 * exclusion, validated checks, each named as in the database), then comments and column settings; foreign keys and
 * {@code NOT VALID} checks come later as {@code ALTER TABLE … ADD CONSTRAINT}, once every table and index exists.
 */
final class PgTables {
    private record Table(long oid, String name, boolean unlogged, List<String> options, String comment) {}

    private record Constraint(String name, String type, String definition, boolean validated, String comment) {
        /** Foreign keys may form cycles and need the referenced unique index; unvalidated checks can't be inline. */
        boolean deferred() {
            return type.equals("f") || !validated;
        }
    }

    private static final String TABLES_SQL = PgCatalog.RELATIONS + """
            SELECT r.oid, r.qname, c.relpersistence = 'u', c.reloptions, tc.reloptions,
                   (SELECT ds.description FROM pg_description ds WHERE ds.objoid = r.oid
                    AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0),
                   r.relname
            FROM rel r JOIN pg_class c ON c.oid = r.oid LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid
            WHERE r.relkind = 'r'
            ORDER BY r.nspname, r.relname
            """;

    /** Primary key, unique, exclusion, check and foreign key constraints: by table, kind, then name. */
    private static final String CONSTRAINTS_SQL = PgCatalog.RELATIONS + """
            SELECT co.conrelid, quote_ident(co.conname), co.contype, pg_get_constraintdef(co.oid), co.convalidated,
                   (SELECT ds.description FROM pg_description ds WHERE ds.objoid = co.oid
                    AND ds.classoid = 'pg_constraint'::regclass AND ds.objsubid = 0)
            FROM pg_constraint co JOIN rel r ON r.oid = co.conrelid
            WHERE r.relkind = 'r' AND co.contype IN ('p', 'u', 'x', 'c', 'f')
            ORDER BY r.nspname, r.relname,
                     CASE co.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'x' THEN 2 WHEN 'c' THEN 3 ELSE 4 END,
                     co.conname
            """;

    private final List<Table> tables;
    private final Map<Long, List<PgColumn>> columns;
    private final Map<Long, List<Constraint>> constraints;

    private PgTables(List<Table> tables, Map<Long, List<PgColumn>> columns, Map<Long, List<Constraint>> constraints) {
        this.tables = tables;
        this.columns = columns;
        this.constraints = constraints;
    }

    /** Tables, constraints, then columns (of tables and views). */
    static List<String> queries(int serverMajorVersion) {
        return List.of(TABLES_SQL, CONSTRAINTS_SQL, PgColumn.sql(serverMajorVersion));
    }

    static PgTables read(PgBatch batch, PgSequences sequences) throws SQLException {
        List<Table> tables = new ArrayList<>();
        batch.next(rs -> {
            if (!PgCatalog.excluded(rs.getString(7))) {
                List<String> options = PgCatalog.options(rs.getArray(4), "");
                options.addAll(PgCatalog.options(rs.getArray(5), "toast."));
                tables.add(new Table(rs.getLong(1), rs.getString(2), rs.getBoolean(3), options, rs.getString(6)));
            }
            return Boolean.TRUE;
        });
        Map<Long, List<Constraint>> constraints = new HashMap<>();
        batch.next(rs -> constraints
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new Constraint(
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6))));
        return new PgTables(tables, PgColumn.read(batch, sequences), constraints);
    }

    /** The columns of a table or view (for views: their defaults and comments). */
    List<PgColumn> columnsOf(long relationOid) {
        return columns.getOrDefault(relationOid, List.of());
    }

    void dumpCreate(PgScript out) {
        for (Table table : tables) {
            List<String> lines = new ArrayList<>();
            for (PgColumn column : columnsOf(table.oid())) {
                requireIdentityOfColumnType(table, column);
                lines.add(column.definition());
            }
            for (Constraint c : constraints.getOrDefault(table.oid(), List.of())) {
                if (!c.deferred()) {
                    lines.add("CONSTRAINT " + c.name() + " " + c.definition());
                }
            }
            StringBuilder sql = new StringBuilder("CREATE ")
                    .append(table.unlogged() ? "UNLOGGED " : "")
                    .append("TABLE ")
                    .append(table.name())
                    .append(" (");
            sql.append(lines.isEmpty() ? "" : "\n    " + String.join(",\n    ", lines))
                    .append("\n)");
            if (!table.options().isEmpty()) {
                sql.append(" WITH (").append(String.join(", ", table.options())).append(')');
            }
            out.statement(sql.toString());
            dumpDetails(out, table);
        }
    }

    private static void requireIdentityOfColumnType(Table table, PgColumn column) {
        SequenceOptions options = column.identitySequence() == null
                ? null
                : column.identitySequence().options();
        if (options != null && !column.type().equals(options.type())) {
            throw new UnsupportedSchemaObjectException(
                    "identity column",
                    table.name() + "." + column.name(),
                    "its sequence is " + options.type() + " but the column is " + column.type());
        }
    }

    /** The per-column options PostgreSQL documents; another key would be a server's own, which mdb can't judge. */
    private static void requireKnownOptions(String column, List<String> options) {
        for (String option : options) {
            if (!option.startsWith("n_distinct=") && !option.startsWith("n_distinct_inherited=")) {
                throw new UnsupportedSchemaObjectException(
                        "column option", column + " (" + option + ")", "not an option mdb knows how to restore");
            }
        }
    }

    private void dumpDetails(PgScript out, Table table) {
        out.comment("TABLE", table.name(), PgCatalog.literalOrNull(table.comment()));
        for (PgColumn column : columnsOf(table.oid())) {
            String target = table.name() + "." + column.name();
            out.comment("COLUMN", target, PgCatalog.literalOrNull(column.comment()));
            if (column.identitySequence() != null) {
                out.comment(
                        "SEQUENCE",
                        column.identitySequence().name(),
                        PgCatalog.literalOrNull(column.identitySequence().comment()));
            }
            String alter = "ALTER TABLE " + table.name() + " ALTER COLUMN " + column.name();
            if (column.statistics() >= 0) {
                out.statement(alter + " SET STATISTICS " + column.statistics());
            }
            if (column.storage() != null) {
                out.statement(alter + " SET STORAGE " + column.storage());
            }
            if (!column.options().isEmpty()) {
                requireKnownOptions(target, column.options());
                out.statement(alter + " SET (" + String.join(", ", column.options()) + ")");
            }
        }
        for (Constraint c : constraints.getOrDefault(table.oid(), List.of())) {
            if (!c.deferred()) {
                out.comment("CONSTRAINT", c.name() + " ON " + table.name(), PgCatalog.literalOrNull(c.comment()));
            }
        }
    }

    /** Foreign keys and unvalidated checks, by table and constraint name. */
    void dumpDeferredConstraints(PgScript out) {
        for (Table table : tables) {
            for (Constraint c : constraints.getOrDefault(table.oid(), List.of())) {
                if (c.deferred()) {
                    out.statement(
                            "ALTER TABLE " + table.name() + "\n    ADD CONSTRAINT " + c.name() + " " + c.definition());
                    out.comment("CONSTRAINT", c.name() + " ON " + table.name(), PgCatalog.literalOrNull(c.comment()));
                }
            }
        }
    }
}
