package dev.mdb.tasks.adapter.mysql;

import dev.mdb.tasks.schema.ReadyFirstOrder;
import dev.mdb.tasks.schema.UnsupportedSchemaObjectException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Views from {@code SHOW CREATE VIEW}, without definer and database name, and their load order. */
final class MysqlViews {
    private static final String IDENTIFIER = "`(?:[^`]|``)*`";
    private static final Pattern HEAD = Pattern.compile("CREATE ALGORITHM=(\\w+) DEFINER=(?:" + IDENTIFIER + "(?:@"
            + IDENTIFIER + ")?|\\S+) SQL SECURITY (\\w+) VIEW ");

    private MysqlViews() {}

    /** A view's name and its normalised {@code CREATE VIEW}. */
    record View(String name, String sql) {}

    /**
     * {@code CREATE [ALGORITHM=…] [SQL SECURITY INVOKER] VIEW `name` AS …}: the definer (a user of this server) is
     * left out, and so are the defaults {@code ALGORITHM=UNDEFINED} and {@code SQL SECURITY DEFINER}; a non-default
     * algorithm or INVOKER security is the user's choice and is kept.
     *
     * @param database the current database, whose qualification is removed; {@code null} to keep every
     *     qualification (when a table has the database's name, {@code `db`.`x`} may be that table's column)
     */
    static View normalize(String name, String database, String showCreate) {
        Matcher head = HEAD.matcher(showCreate);
        String quoted = MysqlSqlText.quote(name);
        if (!head.lookingAt() || !showCreate.startsWith(quoted, head.end())) {
            throw new UnsupportedSchemaObjectException(
                    "view", name, "SHOW CREATE VIEW printed something mdb does not understand");
        }
        StringBuilder sql = new StringBuilder("CREATE ");
        if (!head.group(1).equals("UNDEFINED")) {
            sql.append("ALGORITHM=").append(head.group(1)).append(' ');
        }
        if (head.group(2).equals("INVOKER")) {
            sql.append("SQL SECURITY INVOKER ");
        }
        String rest = showCreate.substring(head.end());
        sql.append("VIEW ").append(database == null ? rest : MysqlSqlText.stripQualifier(rest, database));
        return new View(name, sql.toString());
    }

    /**
     * The views ordered so that each comes after the views it selects from, ties by name. The references are found in
     * the view's text (the server keeps no dependency list for views); a cycle, which only a table alias named like
     * another view could fake, falls back to name order.
     */
    static List<View> dependencyOrder(List<View> views) {
        Map<String, View> byName = new LinkedHashMap<>();
        views.stream().sorted(Comparator.comparing(View::name)).forEach(v -> byName.put(v.name(), v));
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        for (View view : byName.values()) {
            String select = view.sql()
                    .substring(view.sql().indexOf(MysqlSqlText.quote(view.name()))
                            + MysqlSqlText.quote(view.name()).length());
            Set<String> references = new HashSet<>(MysqlSqlText.tableReferences(select, byName.keySet()));
            references.remove(view.name());
            dependencies.put(view.name(), references);
        }
        return ReadyFirstOrder.sort(byName, dependencies);
    }
}
