package dev.mdb.tasks.adapter.sqlite;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Quote- and comment-aware scanning of SQLite DDL as stored in {@code sqlite_master}: strings {@code '…'}, quoted
 * identifiers {@code "…"}, {@code `…`} and {@code […]}, comments {@code --…} and {@code /*…*}{@code /}.
 */
final class SqliteSqlText {
    private SqliteSqlText() {}

    /**
     * Removes trailing whitespace at the end of every line and of the whole text, except inside strings, quoted
     * identifiers (where it is data) and block comments. Idempotent, so a loaded dump normalises to the same text.
     */
    static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            int end;
            if (ch == '\'' || ch == '"' || ch == '`') {
                end = closing(sql, i, ch);
            } else if (ch == '[') {
                end = indexAfter(sql, "]", i + 1);
            } else if (ch == '-' && peek(sql, i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                end = newline < 0 ? n : newline;
            } else if (ch == '/' && peek(sql, i + 1) == '*') {
                end = indexAfter(sql, "*/", i + 2);
            } else if (ch == '\n') {
                stripTrailing(out);
                end = i + 1;
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
        stripTrailing(out);
        return out.toString();
    }

    /**
     * The identifiers of {@code sql}, bare or quoted, lower-cased (SQLite names are case-insensitive), skipping strings
     * and comments. Keywords are included; callers match against known names.
     */
    static Set<String> identifiers(String sql) {
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            int end;
            if (ch == '\'') {
                end = closing(sql, i, ch);
            } else if (ch == '"' || ch == '`') {
                end = closing(sql, i, ch);
                String q = String.valueOf(ch);
                out.add(lower(sql.substring(i + 1, Math.max(i + 1, end - 1)).replace(q + q, q)));
            } else if (ch == '[') {
                end = indexAfter(sql, "]", i + 1);
                out.add(lower(sql.substring(i + 1, Math.max(i + 1, end - 1))));
            } else if (ch == '-' && peek(sql, i + 1) == '-') {
                end = indexAfter(sql, "\n", i);
            } else if (ch == '/' && peek(sql, i + 1) == '*') {
                end = indexAfter(sql, "*/", i + 2);
            } else if (isWordStart(ch)) {
                end = i + 1;
                while (end < n && isWordPart(sql.charAt(end))) {
                    end++;
                }
                out.add(lower(sql.substring(i, end)));
            } else {
                end = i + 1;
            }
            i = end;
        }
        return out;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static boolean isWordStart(char ch) {
        return Character.isLetter(ch) || ch == '_' || ch > 127;
    }

    private static boolean isWordPart(char ch) {
        return isWordStart(ch) || Character.isDigit(ch) || ch == '$';
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

    /** The index just past the quote closing the one at {@code start}; a doubled quote is an escaped one. */
    private static int closing(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (peek(s, i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    private static int indexAfter(String s, String needle, int from) {
        int idx = s.indexOf(needle, from);
        return idx < 0 ? s.length() : idx + needle.length();
    }

    private static char peek(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }
}
