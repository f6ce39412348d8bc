package dev.mdb.tasks.adapter.postgresql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Enum types: {@code CREATE TYPE … AS ENUM}, labels in {@code enumsortorder}. Other user types are refused. */
final class PgTypes {
    private PgTypes() {}

    private record EnumType(String name, List<String> labels, String comment) {}

    private static final String ENUMS_SQL = "WITH " + PgCatalog.NAMESPACES + " SELECT "
            + PgCatalog.qualified("ns.nspname", "t.typname")
            + ", ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder),"
            + " " + PgCatalog.description("pg_type", "t.oid") + " FROM pg_type t JOIN ns ON ns.oid = t.typnamespace"
            + " WHERE t.typtype = 'e' AND " + PgCatalog.notMember("pg_type", "t.oid")
            + " ORDER BY ns.nspname, t.typname";

    static void dump(Connection connection, PgScript out) throws SQLException {
        List<EnumType> enums = PgCatalog.list(connection, ENUMS_SQL, rs -> {
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
