package dev.mdb.tasks.migrate;

import dev.mdb.runtime.engine.Engine;
import dev.mdb.runtime.sql.SqlStatement;
import dev.mdb.runtime.sql.SqlWords;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * After a run was cut off, which statements of the file left their mark in the catalog: tables, indexes and columns
 * created (or tables dropped) are looked up; other statements cannot be checked. Read through {@link DatabaseMetaData},
 * so it works the same on every engine.
 */
final class CatalogPresence {
    private CatalogPresence() {}

    /**
     * {@code done: …; not done: …; not checked: …}, each statement as its first words and line. A statement that left
     * something unusable behind ({@link Engine#leftoverAfterFailure}: an INVALID index of an interrupted concurrent
     * build) is not done, and what it left and how to clean it up is said after the lists.
     */
    static String describe(Connection c, List<SqlStatement> statements, Engine engine) throws SQLException {
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> leftovers = new ArrayList<>();
        for (SqlStatement statement : statements) {
            String label = MigrationScript.firstWords(statement.text()) + " (line " + statement.line() + ")";
            String leftover = engine.leftoverAfterFailure(c, statement.text());
            if (leftover != null) {
                absent.add(label);
                leftovers.add(leftover);
                continue;
            }
            Boolean done = done(c, SqlWords.of(statement.text(), engine.dialect()));
            (done == null ? unknown : done ? present : absent).add(label);
        }
        List<String> parts = new ArrayList<>();
        if (!present.isEmpty()) {
            parts.add("done: " + String.join(", ", present));
        }
        if (!absent.isEmpty()) {
            parts.add("not done: " + String.join(", ", absent));
        }
        if (!unknown.isEmpty()) {
            parts.add("not checked: " + String.join(", ", unknown));
        }
        parts.addAll(leftovers);
        return parts.isEmpty() ? "the file has no statements" : String.join("; ", parts);
    }

    /** Whether the statement's effect is in the catalog; null when its kind is not checked. */
    private static Boolean done(Connection c, List<String> w) throws SQLException {
        if (w.size() < 3) {
            return null;
        }
        if (is(w, 0, "CREATE") && is(w, 1, "TABLE")) {
            String table = name(w, skipIfExists(w, 2, "NOT"));
            return table == null ? null : tableExists(c, table);
        }
        if (is(w, 0, "DROP") && is(w, 1, "TABLE")) {
            String table = name(w, skipIfExists(w, 2, null));
            return table == null ? null : !tableExists(c, table);
        }
        if (is(w, 0, "ALTER") && is(w, 1, "TABLE")) {
            return addedColumn(c, w);
        }
        if (is(w, 0, "CREATE")) {
            return createdIndex(c, w);
        }
        return null;
    }

    private static Boolean addedColumn(Connection c, List<String> w) throws SQLException {
        int i = skipIfExists(w, 2, null);
        String table = name(w, i);
        int add = i + (is(w, i + 1, ".") ? 3 : 1);
        if (table == null || !is(w, add, "ADD")) {
            return null;
        }
        int column = add + 1 + (is(w, add + 1, "COLUMN") ? 1 : 0);
        column = skipIfExists(w, column, "NOT");
        if (column >= w.size() || is(w, column, "CONSTRAINT") || is(w, column, "PRIMARY") || is(w, column, "INDEX")) {
            return null;
        }
        return columnExists(c, table, w.get(column));
    }

    private static Boolean createdIndex(Connection c, List<String> w) throws SQLException {
        int i = 1 + (is(w, 1, "UNIQUE") ? 1 : 0);
        if (!is(w, i, "INDEX")) {
            return null;
        }
        i = skipIfExists(w, i + 1 + (is(w, i + 1, "CONCURRENTLY") ? 1 : 0), "NOT");
        String index = name(w, i);
        int on = w.indexOf("ON");
        String table = on < 0 ? null : name(w, on + 1);
        if (index == null || table == null || index.equals("ON")) {
            return null;
        }
        return indexExists(c, table, index);
    }

    /** The index after {@code IF [NOT] EXISTS} at {@code i}, or {@code i}. */
    private static int skipIfExists(List<String> w, int i, String not) {
        boolean exists = not == null ? is(w, i + 1, "EXISTS") : (is(w, i + 1, not) && is(w, i + 2, "EXISTS"));
        if (is(w, i, "IF") && exists) {
            return i + (not == null ? 2 : 3);
        }
        return i;
    }

    /** The (possibly schema-qualified) name at {@code i}, without its schema; null past the end. */
    private static String name(List<String> w, int i) {
        if (i >= w.size()) {
            return null;
        }
        return is(w, i + 1, ".") && i + 2 < w.size() ? w.get(i + 2) : w.get(i);
    }

    private static boolean is(List<String> w, int i, String word) {
        return i >= 0 && i < w.size() && w.get(i).equals(word);
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        for (String candidate : spellings(table)) {
            if (SchemaHistory.tableExists(c, candidate)) {
                return true;
            }
        }
        return false;
    }

    private static boolean columnExists(Connection c, String table, String column) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String t : spellings(table)) {
            try (ResultSet rs = meta.getColumns(c.getCatalog(), schema(c), t, null)) {
                while (rs.next()) {
                    if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean indexExists(Connection c, String table, String index) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String t : spellings(table)) {
            try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), schema(c), t, false, true)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name != null && name.equalsIgnoreCase(index)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Set<String> spellings(String name) {
        return new LinkedHashSet<>(List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT)));
    }

    private static String schema(Connection c) {
        try {
            return c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }
}
