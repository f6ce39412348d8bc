package dev.mdb.cli.console;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs one SQL statement on the console's connection and prints every result it returns: tables with a row count,
 * update counts as psql's command tags ({@code UPDATE 2}, {@code CREATE TABLE}). {@link #cancel()} may be called from
 * another thread (the Ctrl-C handler) and cancels the running statement through {@link Statement#cancel()}.
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
                    try (ResultSet rs = statement.getResultSet()) {
                        out.print(TableRenderer.render(ResultTable.read(rs), expanded));
                    }
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
        List<String> words = leadingWords(sql, 6);
        if (words.isEmpty()) {
            return "OK " + count;
        }
        String verb = words.get(0);
        if (COUNTED.contains(verb)) {
            return verb + " " + count;
        }
        if (OBJECT_VERBS.contains(verb)) {
            for (String word : words.subList(1, words.size())) {
                if (!MODIFIERS.contains(word)) {
                    return verb + " " + word;
                }
            }
        }
        return count > 0 ? verb + " " + count : verb;
    }

    /** The first {@code max} words of {@code sql}, upper-cased, skipping leading comments. */
    static List<String> leadingWords(String sql, int max) {
        String text = sql.strip();
        while (text.startsWith("--") || text.startsWith("/*")) {
            int end = text.startsWith("--") ? text.indexOf('\n') : text.indexOf("*/");
            text = end < 0
                    ? ""
                    : text.substring(end + (text.startsWith("--") ? 1 : 2)).strip();
        }
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length() && words.size() < max; i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) || c == '_') {
                word.append(c);
            } else {
                if (word.length() > 0) {
                    words.add(word.toString().toUpperCase(Locale.ROOT));
                    word.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    break;
                }
            }
        }
        return words;
    }
}
