package dev.mdb.tasks.adapter.sqlite;

import dev.mdb.runtime.sql.Dialect;
import dev.mdb.runtime.sql.SqlLexer;
import dev.mdb.runtime.sql.SqlStatement;
import dev.mdb.tasks.schema.ReadyFirstOrder;
import dev.mdb.tasks.schema.SchemaDumper;
import dev.mdb.tasks.schema.UnsupportedSchemaObjectException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQLite's deterministic schema dump: the DDL SQLite keeps in {@code sqlite_master}, which is the text the user wrote
 * (SQLite re-parses it on every open), with trailing whitespace removed. Order: tables (and virtual tables) by name,
 * indexes by name, views in dependency order (ties by name), triggers by name. Internal objects ({@code sqlite_%}:
 * {@code sqlite_sequence}, {@code sqlite_stat1}, autoindexes) and the shadow tables of virtual tables are left out, as
 * the engine recreates them. Every statement is checked to come back whole from {@link SqlLexer#split}, so a
 * statement the loader would cut apart is refused rather than written.
 */
final class SqliteSchemaDumper implements SchemaDumper {
    private static final Comparator<SchemaObject> BY_NAME =
            Comparator.comparing(SchemaObject::name).thenComparing(SchemaObject::sql);

    /** One row of {@code sqlite_master}. */
    record SchemaObject(String type, String name, String table, String sql) {}

    @Override
    public String dump(Connection connection) throws SQLException {
        List<SchemaObject> objects = readSchema(connection);
        Set<String> shadowTables = shadowTables(connection, objects);
        List<SchemaObject> tables = new ArrayList<>();
        List<SchemaObject> indexes = new ArrayList<>();
        List<SchemaObject> views = new ArrayList<>();
        List<SchemaObject> triggers = new ArrayList<>();
        for (SchemaObject object : objects) {
            if (isInternal(object.name()) || isExcluded(object.table())) {
                continue;
            }
            switch (object.type()) {
                case "table" -> {
                    if (!shadowTables.contains(object.name())) {
                        tables.add(object);
                    }
                }
                case "index" -> indexes.add(object);
                case "view" -> views.add(object);
                case "trigger" -> triggers.add(object);
                default ->
                    throw new UnsupportedSchemaObjectException(
                            object.type(), object.name(), "an object type mdb does not know");
            }
        }
        tables.sort(BY_NAME);
        indexes.sort(BY_NAME);
        triggers.sort(BY_NAME);
        StringBuilder out = new StringBuilder();
        for (List<SchemaObject> group : List.of(tables, indexes, dependencyOrder(views), triggers)) {
            for (SchemaObject object : group) {
                out.append(statement(object)).append(";\n\n");
            }
        }
        return out.toString();
    }

    private static List<SchemaObject> readSchema(Connection connection) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL")) {
            while (rs.next()) {
                objects.add(new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return objects;
    }

    /**
     * The shadow tables of the virtual tables ({@code ft_data} for {@code ft} in FTS5): {@code CREATE VIRTUAL TABLE}
     * makes them, so they are not dumped. Only {@code PRAGMA table_list} (SQLite 3.37+) tells them apart.
     */
    private static Set<String> shadowTables(Connection connection, List<SchemaObject> objects) throws SQLException {
        SchemaObject virtual = objects.stream()
                .filter(o -> o.type().equals("table") && !isInternal(o.name()))
                .filter(o -> SqliteSqlText.lower(o.sql()).startsWith("create virtual table"))
                .min(BY_NAME)
                .orElse(null);
        if (virtual == null) {
            return Set.of();
        }
        Set<String> shadow = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA main.table_list")) {
            while (rs.next()) {
                if ("shadow".equals(rs.getString("type"))) {
                    shadow.add(rs.getString("name"));
                }
            }
        } catch (SQLException e) {
            throw new UnsupportedSchemaObjectException(
                    "virtual table",
                    virtual.name(),
                    "its shadow tables can't be told apart from ordinary ones: " + e.getMessage());
        }
        return shadow;
    }

    /** The object's DDL as one loadable statement, without the trailing semicolon. */
    private static String statement(SchemaObject object) {
        String sql = SqliteSqlText.normalize(object.sql());
        List<SqlStatement> split = SqlLexer.split(sql + ";", Dialect.SQLITE);
        if (split.size() != 1 || !split.get(0).text().equals(sql)) {
            throw new UnsupportedSchemaObjectException(
                    object.type(),
                    object.name(),
                    "its SQL would not load back as one statement (it splits into " + split.size() + ")");
        }
        return sql;
    }

    /**
     * Views ordered so that a view comes after the views it names (SQLite resolves names only when a view is used,
     * but a readable file reads top to bottom); otherwise by name. A cycle (a name that only looks like a reference)
     * falls back to name order.
     */
    private static List<SchemaObject> dependencyOrder(List<SchemaObject> views) {
        Map<String, SchemaObject> byName = new LinkedHashMap<>();
        views.stream().sorted(BY_NAME).forEach(v -> byName.put(SqliteSqlText.lower(v.name()), v));
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        for (Map.Entry<String, SchemaObject> view : byName.entrySet()) {
            Set<String> names =
                    new HashSet<>(SqliteSqlText.identifiers(view.getValue().sql()));
            names.retainAll(byName.keySet());
            names.remove(view.getKey());
            dependencies.put(view.getKey(), names);
        }
        return ReadyFirstOrder.sort(byName, dependencies);
    }

    private static boolean isInternal(String name) {
        return SqliteSqlText.lower(name).startsWith("sqlite_");
    }

    private static boolean isExcluded(String table) {
        return table != null && EXCLUDED_TABLES.contains(SqliteSqlText.lower(table));
    }
}
