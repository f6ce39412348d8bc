package dev.mdb.tasks.generate;

import dev.mdb.tasks.spi.ColumnTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The up and down SQL of a generated migration. */
record MigrationSql(String up, String down) {
    private static final Pattern CREATE = Pattern.compile("Create([A-Z][A-Za-z0-9]*)");
    private static final Pattern ADD = Pattern.compile("Add[A-Za-z0-9]*To([A-Z][A-Za-z0-9]*)");
    private static final Pattern REMOVE = Pattern.compile("Remove[A-Za-z0-9]*From([A-Z][A-Za-z0-9]*)");

    static MigrationSql of(String name, String snake, List<FieldSpec> fields, ColumnTypes types) {
        String header = "-- " + name + " (" + snake + ")\n";
        Matcher create = CREATE.matcher(name);
        if (create.matches()) {
            return createTable(header, Inflector.underscore(create.group(1)), fields, types);
        }
        Matcher add = ADD.matcher(name);
        if (add.matches() && !fields.isEmpty()) {
            return addColumns(header, Inflector.underscore(add.group(1)), fields, types);
        }
        Matcher remove = REMOVE.matcher(name);
        if (remove.matches() && !fields.isEmpty()) {
            MigrationSql added = addColumns(header, Inflector.underscore(remove.group(1)), fields, types);
            return new MigrationSql(header + body(added.down()), header + body(added.up()));
        }
        return new MigrationSql(
                header + "-- Write the SQL that applies this migration here.\n",
                header + "-- Write the SQL that reverts " + name + " here (run by db:rollback).\n");
    }

    private static String body(String sql) {
        return sql.substring(sql.indexOf('\n') + 1);
    }

    private static MigrationSql createTable(String header, String table, List<FieldSpec> fields, ColumnTypes types) {
        List<String> columns = new ArrayList<>();
        columns.add(types.primaryKey());
        fields.forEach(f -> columns.add(f.definition(types)));
        columns.add("created_at " + types.type("datetime") + " NOT NULL");
        columns.add("updated_at " + types.type("datetime") + " NOT NULL");
        StringBuilder up = new StringBuilder(header)
                .append("CREATE TABLE ")
                .append(table)
                .append(" (\n    ")
                .append(String.join(",\n    ", columns))
                .append("\n);\n");
        fields.stream().filter(FieldSpec::indexed).forEach(f -> up.append(createIndex(table, f)));
        return new MigrationSql(up.toString(), header + "DROP TABLE " + table + ";\n");
    }

    private static MigrationSql addColumns(String header, String table, List<FieldSpec> fields, ColumnTypes types) {
        StringBuilder up = new StringBuilder(header);
        StringBuilder down = new StringBuilder(header);
        for (FieldSpec f : fields) {
            up.append("ALTER TABLE ")
                    .append(table)
                    .append(" ADD COLUMN ")
                    .append(f.definition(types))
                    .append(";\n");
            if (f.indexed()) {
                up.append(createIndex(table, f));
            }
        }
        List<FieldSpec> reversed = new ArrayList<>(fields);
        java.util.Collections.reverse(reversed);
        for (FieldSpec f : reversed) {
            if (f.indexed()) {
                down.append(types.dropIndex(f.indexName(table), table)).append(";\n");
            }
            down.append("ALTER TABLE ")
                    .append(table)
                    .append(" DROP COLUMN ")
                    .append(f.column())
                    .append(";\n");
        }
        return new MigrationSql(up.toString(), down.toString());
    }

    private static String createIndex(String table, FieldSpec f) {
        return "CREATE " + (f.unique() ? "UNIQUE " : "") + "INDEX " + f.indexName(table) + " ON " + table + " ("
                + f.column() + ");\n";
    }
}
