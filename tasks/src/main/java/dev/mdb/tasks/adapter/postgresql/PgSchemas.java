package dev.mdb.tasks.adapter.postgresql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Schemas ({@code CREATE SCHEMA}, except {@code public}, which every database has) and installed extensions
 * ({@code CREATE EXTENSION IF NOT EXISTS … WITH SCHEMA …}, required extensions first; not plpgsql, which every database
 * has; no version, so the dump does not change with a server upgrade). An extension's own objects are not dumped.
 */
final class PgSchemas {
    private PgSchemas() {}

    /** PostgreSQL's own comment on {@code public}, which is left out (a fresh database already has it). */
    private static final String PUBLIC_COMMENT = "standard public schema";

    private record Schema(String name, String quoted, String comment) {}

    private record Extension(long oid, String name, String schema, List<Long> requires) {}

    private static final String SCHEMAS_SQL = "WITH " + PgCatalog.NAMESPACES + """
            SELECT ns.nspname, quote_ident(ns.nspname),
                   (SELECT ds.description FROM pg_description ds WHERE ds.objoid = ns.oid
                    AND ds.classoid = 'pg_namespace'::regclass AND ds.objsubid = 0)
            FROM ns ORDER BY ns.nspname
            """;

    private static final String EXTENSIONS_SQL = """
            SELECT e.oid, quote_ident(e.extname), quote_ident(n.nspname),
                   ARRAY(SELECT d.refobjid FROM pg_depend d WHERE d.classid = 'pg_extension'::regclass
                         AND d.objid = e.oid AND d.refclassid = 'pg_extension'::regclass ORDER BY d.refobjid)
            FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname <> 'plpgsql' ORDER BY e.extname
            """;

    static final List<String> QUERIES = List.of(SCHEMAS_SQL, EXTENSIONS_SQL);

    static void dump(PgBatch batch, PgScript out) throws SQLException {
        List<Schema> schemas = batch.next(rs -> new Schema(rs.getString(1), rs.getString(2), rs.getString(3)));
        for (Schema schema : schemas) {
            if (schema.name().equals("public")) {
                if (schema.comment() != null && !schema.comment().equals(PUBLIC_COMMENT)) {
                    out.comment("SCHEMA", schema.quoted(), PgCatalog.literal(schema.comment()));
                }
                continue;
            }
            out.statement("CREATE SCHEMA " + schema.quoted());
            out.comment("SCHEMA", schema.quoted(), PgCatalog.literalOrNull(schema.comment()));
        }
        List<Extension> extensions = batch.next(rs -> {
            List<Long> requires = new ArrayList<>();
            for (Object o : (Object[]) rs.getArray(4).getArray()) {
                requires.add(((Number) o).longValue());
            }
            return new Extension(rs.getLong(1), rs.getString(2), rs.getString(3), requires);
        });
        Map<Long, List<Long>> requires = new HashMap<>();
        extensions.forEach(e -> requires.put(e.oid(), e.requires()));
        for (Extension e : DependencyOrder.sort(extensions, Extension::oid, requires)) {
            out.statement("CREATE EXTENSION IF NOT EXISTS " + e.name() + " WITH SCHEMA " + e.schema());
        }
    }
}
