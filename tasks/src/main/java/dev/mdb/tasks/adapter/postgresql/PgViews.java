package dev.mdb.tasks.adapter.postgresql;

import dev.mdb.tasks.schema.UnsupportedSchemaObjectException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Views as {@code pg_get_viewdef} writes them, with their options ({@code check_option}, {@code security_barrier},
 * …), column defaults and comments; a view comes after the views it selects from, otherwise by schema and name.
 */
final class PgViews {
    private PgViews() {}

    private record View(long oid, String name, String definition, List<String> options, String comment) {}

    private static final String VIEWS_SQL = PgCatalog.RELATIONS + """
            SELECT r.oid, r.qname, pg_get_viewdef(r.oid), c.reloptions,
                   (SELECT ds.description FROM pg_description ds WHERE ds.objoid = r.oid
                    AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0)
            FROM rel r JOIN pg_class c ON c.oid = r.oid
            WHERE r.relkind = 'v'
            ORDER BY r.nspname, r.relname
            """;

    /** Which dumped view selects from which other dumped view (through its {@code _RETURN} rule). */
    private static final String DEPENDENCIES_SQL = PgCatalog.RELATIONS + """
            SELECT DISTINCT w.ev_class, dep.refobjid
            FROM pg_rewrite w
            JOIN rel v ON v.oid = w.ev_class AND v.relkind = 'v'
            JOIN pg_depend dep ON dep.classid = 'pg_rewrite'::regclass AND dep.objid = w.oid
                 AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid <> w.ev_class
            JOIN rel u ON u.oid = dep.refobjid AND u.relkind = 'v'
            """;

    static final List<String> QUERIES = List.of(VIEWS_SQL, DEPENDENCIES_SQL);

    static void dump(PgBatch batch, PgScript out, PgTables tables) throws SQLException {
        List<View> views = batch.next(rs -> new View(
                rs.getLong(1),
                rs.getString(2),
                stripSemicolon(rs.getString(3)),
                PgCatalog.options(rs.getArray(4), ""),
                rs.getString(5)));
        Map<Long, List<Long>> dependencies = new HashMap<>();
        batch.next(rs -> dependencies
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(rs.getLong(2)));
        for (View view : DependencyOrder.sort(views, View::oid, dependencies)) {
            String with = view.options().isEmpty() ? "" : " WITH (" + String.join(", ", view.options()) + ")";
            out.statement("CREATE VIEW " + view.name() + with + " AS\n" + view.definition());
            out.comment("VIEW", view.name(), PgCatalog.literalOrNull(view.comment()));
            for (PgColumn column : tables.columnsOf(view.oid())) {
                if (!column.options().isEmpty()) {
                    throw new UnsupportedSchemaObjectException(
                            "view column option",
                            view.name() + "." + column.name() + " (" + String.join(", ", column.options()) + ")",
                            "not an option mdb knows how to restore");
                }
                if (column.defaultExpr() != null) {
                    out.statement("ALTER VIEW " + view.name() + " ALTER COLUMN " + column.name() + " SET DEFAULT "
                            + column.defaultExpr());
                }
                out.comment("COLUMN", view.name() + "." + column.name(), PgCatalog.literalOrNull(column.comment()));
            }
        }
    }

    /** {@code pg_get_viewdef} ends the query with {@code ;}, which the dump adds itself. */
    private static String stripSemicolon(String definition) {
        String trimmed = definition.stripTrailing();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
