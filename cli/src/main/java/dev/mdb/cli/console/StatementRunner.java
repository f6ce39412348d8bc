package dev.mdb.cli.console;

import dev.mdb.runtime.sql.Dialect;
import dev.mdb.runtime.sql.SqlLexer;
import dev.mdb.runtime.sql.SqlToken;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs one SQL statement on the console's connection and prints every result it returns: tables with a row count,
 * update counts as psql's command tags ({@code UPDATE 2}, {@code CREATE TABLE}). {@link #cancel()} may be called from
 * another thread (the Ctrl-C handler) and cancels the running statement through {@link Statement#cancel()}.
 *
 * <p>Each statement gets its own JDBC statement: creating it is when the routing data source picks the physical
 * connection for the current route (a replica taken out of rotation is left for another), as it does for the
 * application.
 */
public final class StatementRunner {
    private static final Set<String> COUNTED = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "COPY");
    private static final Set<String> OBJECT_VERBS = Set.of("CREATE", "DROP", "ALTER");
    private static final Set<String> MODIFIERS = Set.of(
            "OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "IF", "NOT", "EXISTS");
    private static final int MAX_RESULTS = 10_000;

    private volatile Statement running;

    /**
     * Executes {@code sql} and prints its results to {@code out}.
     *
     * @throws SQLException as the driver (or the routing data source's guard) raised it
     */
    public void run(Connection connection, String sql, PrintWriter out, boolean expanded) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            running = statement;
            boolean isResultSet = statement.execute(sql);
            for (int i = 0; i < MAX_RESULTS; i++) {
                if (isResultSet) {
                    StringBuilder text = new StringBuilder(128);
                    try (ResultSet rs = statement.getResultSet()) {
                        TableRenderer.render(ResultTable.read(rs), expanded, text);
                    }
                    out.append(text);
                } else {
                    int count = statement.getUpdateCount();
                    if (count < 0) {
                        break;
                    }
                    out.println(commandTag(sql, count));
                }
                isResultSet = statement.getMoreResults();
            }
        } finally {
            running = null;
        }
    }

    /** Cancels the statement running now, if any (safe to call from any thread). */
    public void cancel() {
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // the statement may have finished meanwhile
            }
        }
    }

    /** psql's tag for a statement that returned no rows: {@code UPDATE 2}, {@code CREATE TABLE}, {@code BEGIN}. */
    static String commandTag(String sql, int count) {
        List<String> first = leadingWords(sql, 1);
        if (first.isEmpty()) {
            return "OK " + count;
        }
        String verb = first.get(0);
        if (COUNTED.contains(verb)) {
            return verb + " " + count;
        }
        if (OBJECT_VERBS.contains(verb)) {
            List<String> words = leadingWords(sql, 6);
            for (String word : words.subList(1, words.size())) {
                if (!MODIFIERS.contains(word)) {
                    return verb + " " + word;
                }
            }
        }
        return count > 0 ? verb + " " + count : verb;
    }

    /**
     * The first {@code max} words of {@code sql}, upper-cased, after any leading comments; they end at anything but a
     * word or number. Lexed as generic SQL ({@code --} and {@code /*} comments).
     */
    static List<String> leadingWords(String sql, int max) {
        List<String> words = new ArrayList<>(max);
        SqlLexer lexer = SqlLexer.of(sql, Dialect.GENERIC);
        while (words.size() < max && lexer.next()) {
            SqlToken.Type type = lexer.type();
            if (type.isComment() && words.isEmpty()) {
                continue;
            }
            if (type != SqlToken.Type.WORD && type != SqlToken.Type.NUMBER) {
                break;
            }
            words.add(lexer.text().toUpperCase(Locale.ROOT));
        }
        return words;
    }
}
