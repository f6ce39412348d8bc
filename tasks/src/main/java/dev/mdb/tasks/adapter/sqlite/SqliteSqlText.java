package dev.mdb.tasks.adapter.sqlite;

import dev.mdb.runtime.sql.Dialect;
import dev.mdb.runtime.sql.SqlLexer;
import dev.mdb.runtime.sql.SqlToken;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Small normalisers over SQLite DDL as stored in {@code sqlite_master}, walking the lexemes {@link SqlLexer} finds
 * with SQLite's rules (strings {@code '…'}, quoted identifiers {@code "…"}, {@code `…`} and {@code […]}, comments
 * {@code --…} and {@code /*…*}{@code /}).
 */
final class SqliteSqlText {
    private SqliteSqlText() {}

    /**
     * Removes trailing whitespace at the end of every line and of the whole text, except inside strings, quoted
     * identifiers (where it is data) and block comments. Idempotent, so a loaded dump normalises to the same text.
     */
    static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int done = 0;
        for (SqlToken lexeme : SqlLexer.tokens(sql, Dialect.SQLITE)) {
            whitespace(out, sql, done, lexeme.start());
            out.append(sql, lexeme.start(), lexeme.end());
            done = lexeme.end();
        }
        whitespace(out, sql, done, sql.length());
        stripTrailing(out);
        return out.toString();
    }

    /**
     * The identifiers of {@code sql}, bare or quoted, lower-cased (SQLite names are case-insensitive), skipping strings
     * and comments. Keywords are included; callers match against known names.
     */
    static Set<String> identifiers(String sql) {
        Set<String> out = new LinkedHashSet<>();
        for (SqlToken lexeme : SqlLexer.tokens(sql, Dialect.SQLITE)) {
            if (lexeme.type() == SqlToken.Type.WORD) {
                out.add(lower(lexeme.text(sql)));
            } else if (lexeme.type() == SqlToken.Type.QUOTED_IDENTIFIER) {
                out.add(lower(lexeme.value(sql, Dialect.SQLITE)));
            }
        }
        return out;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Appends the whitespace between two lexemes, dropping the blanks before each line end. */
    private static void whitespace(StringBuilder out, String sql, int from, int to) {
        for (int i = from; i < to; i++) {
            if (sql.charAt(i) == '\n') {
                stripTrailing(out);
            }
            out.append(sql.charAt(i));
        }
    }

    private static void stripTrailing(StringBuilder out) {
        int len = out.length();
        while (len > 0 && isBlank(out.charAt(len - 1))) {
            len--;
        }
        out.setLength(len);
    }

    private static boolean isBlank(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\u000B';
    }
}
