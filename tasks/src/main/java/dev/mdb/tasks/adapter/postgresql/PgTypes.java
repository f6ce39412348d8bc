package dev.mdb.tasks.adapter.postgresql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Enum types: {@code CREATE TYPE … AS ENUM}, labels in {@code enumsortorder}. Other user types are refused. */
final class PgTypes {
    private PgTypes() {}

    private record EnumType(String name, List<String> labels, String comment) {}

    private static final String ENUMS_SQL = "WITH " + PgCatalog.NAMESPACES + """
            SELECT quote_ident(ns.nspname) || '.' || quote_ident(t.typname),
                   ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder),
                   (SELECT ds.description FROM pg_description ds WHERE ds.objoid = t.oid
                    AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0)
            FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
            WHERE t.typtype = 'e'
              AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_type'::regclass AND ext.objid = t.oid)
            ORDER BY ns.nspname, t.typname
            """;

    static final List<String> QUERIES = List.of(ENUMS_SQL);

    static void dump(PgBatch batch, PgScript out) throws SQLException {
        List<EnumType> enums = batch.next(rs -> {
            List<String> labels = new ArrayList<>();
            for (Object label : (Object[]) rs.getArray(2).getArray()) {
                labels.add((String) label);
            }
            return new EnumType(rs.getString(1), labels, rs.getString(3));
        });
        for (EnumType type : enums) {
            StringBuilder sql =
                    new StringBuilder("CREATE TYPE ").append(type.name()).append(" AS ENUM (");
            for (int i = 0; i < type.labels().size(); i++) {
                sql.append(i == 0 ? "\n    " : ",\n    ")
                        .append(PgCatalog.literal(type.labels().get(i)));
            }
            out.statement(sql.append("\n)").toString());
            out.comment("TYPE", type.name(), PgCatalog.literalOrNull(type.comment()));
        }
    }
}
