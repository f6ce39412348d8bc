package dev.mdb.tasks.adapter.mysql;

import dev.mdb.tasks.schema.UnsupportedSchemaObjectException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * One table's {@code SHOW CREATE TABLE}, made deterministic: the {@code AUTO_INCREMENT=n} table option (a counter, not
 * schema) is removed; qualifications with the database's own name are removed; indexes and CHECK constraints are
 * sorted by name (the server lists them in creation order, which differs between databases migrated in another
 * order); foreign keys move out into {@code ALTER TABLE … ADD CONSTRAINT} statements, run after every table exists.
 * Columns keep their order, which is schema.
 */
final class MysqlCreateTable {
    private static final List<String> INDEX_PREFIXES =
            List.of("UNIQUE KEY `", "KEY `", "FULLTEXT KEY `", "SPATIAL KEY `", "VECTOR KEY `");

    private MysqlCreateTable() {}

    /** The normalised {@code CREATE TABLE} and the table's foreign keys as {@code ALTER TABLE} statements. */
    record Normalized(String createTable, List<String> foreignKeys) {}

    /** An item of the table's definition list: a column, key or constraint, as the server printed it. */
    private record Item(Kind kind, String name, String text) {}

    private enum Kind {
        COLUMN,
        PRIMARY_KEY,
        INDEX,
        FOREIGN_KEY,
        CHECK,
        OTHER
    }

    /**
     * @param table the table's name
     * @param database the current database, whose name must not appear in the result
     * @param showCreate the {@code Create Table} column of {@code SHOW CREATE TABLE}
     */
    static Normalized normalize(String table, String database, String showCreate) {
        String quoted = MysqlSqlText.quote(table);
        String head = "CREATE TABLE " + quoted + " (";
        if (!showCreate.startsWith(head)) {
            throw unexpected(table, "it does not start with " + head);
        }
        int open = head.length() - 1;
        int close = MysqlSqlText.matchingParen(showCreate, open);
        if (close < 0) {
            throw unexpected(table, "its column list does not end");
        }
        String options = MysqlSqlText.removeNumericOption(showCreate.substring(close + 1), "AUTO_INCREMENT");
        List<Item> items = new ArrayList<>();
        for (String text : MysqlSqlText.splitTopLevel(showCreate.substring(open + 1, close))) {
            items.add(classify(text));
        }
        List<String> foreignKeys = new ArrayList<>();
        items.stream()
                .filter(item -> item.kind() == Kind.FOREIGN_KEY)
                .sorted(Comparator.comparing(Item::name))
                .forEach(item -> foreignKeys.add(
                        "ALTER TABLE " + quoted + " ADD " + MysqlSqlText.stripQualifier(item.text(), database)));
        items.removeIf(item -> item.kind() == Kind.FOREIGN_KEY);
        sortInPlace(items, item -> item.kind() == Kind.INDEX);
        sortInPlace(items, item -> item.kind() == Kind.CHECK);
        StringBuilder sql = new StringBuilder(head).append('\n');
        for (int i = 0; i < items.size(); i++) {
            sql.append("  ").append(items.get(i).text()).append(i + 1 < items.size() ? ",\n" : "\n");
        }
        sql.append(')').append(options.stripTrailing());
        return new Normalized(MysqlSqlText.stripQualifier(sql.toString(), database), foreignKeys);
    }

    /** Sorts the items matching {@code which} by name, each keeping one of the slots those items had. */
    private static void sortInPlace(List<Item> items, Predicate<Item> which) {
        List<Integer> slots = new ArrayList<>();
        List<Item> chosen = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (which.test(items.get(i))) {
                slots.add(i);
                chosen.add(items.get(i));
            }
        }
        chosen.sort(Comparator.comparing(Item::name).thenComparing(Item::text));
        for (int i = 0; i < slots.size(); i++) {
            items.set(slots.get(i), chosen.get(i));
        }
    }

    private static Item classify(String text) {
        if (text.startsWith("`")) {
            return new Item(Kind.COLUMN, MysqlSqlText.identifierAt(text, 0), text);
        }
        if (text.startsWith("PRIMARY KEY ")) {
            return new Item(Kind.PRIMARY_KEY, "PRIMARY", text);
        }
        for (String prefix : INDEX_PREFIXES) {
            if (text.startsWith(prefix)) {
                return new Item(Kind.INDEX, MysqlSqlText.identifierAt(text, prefix.length() - 1), text);
            }
        }
        if (text.startsWith("CONSTRAINT `")) {
            int nameStart = "CONSTRAINT ".length();
            int nameEnd = MysqlSqlText.lexemeEnd(text, nameStart);
            String name = MysqlSqlText.identifierAt(text, nameStart);
            String rest = text.substring(nameEnd);
            if (rest.startsWith(" FOREIGN KEY ")) {
                return new Item(Kind.FOREIGN_KEY, name, text);
            }
            if (rest.startsWith(" CHECK ")) {
                return new Item(Kind.CHECK, name, text);
            }
        }
        return new Item(Kind.OTHER, "", text);
    }

    private static UnsupportedSchemaObjectException unexpected(String table, String why) {
        return new UnsupportedSchemaObjectException(
                "table", table, "SHOW CREATE TABLE printed something mdb does not understand: " + why);
    }
}
