package dev.mdb.tasks.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL file into statements at {@code ;}, outside quotes, comments, PostgreSQL dollar-quoted bodies and
 * {@code CREATE TRIGGER … BEGIN … END} blocks. Used for down migrations, which mdb runs itself.
 */
public final class SqlScript {
    /** Only a real CREATE TRIGGER opens a BEGIN … END block (not a table named trigger_log with a column begin). */
    private static final java.util.regex.Pattern CREATE_TRIGGER =
            java.util.regex.Pattern.compile("CREATE\\s+(?:TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b");

    private SqlScript() {}

    /** A statement and the 1-based line it starts on. */
    public record Statement(String sql, int line) {}

    /** Splits with standard SQL strings (PostgreSQL, SQLite): a backslash escapes only inside {@code E'…'}. */
    public static List<Statement> split(String script) {
        return split(script, false);
    }

    /**
     * Splits {@code script} into statements.
     *
     * @param backslashEscapes whether a backslash escapes the next character inside {@code '…'} and {@code "…"}
     *     strings, as in MySQL/MariaDB by default; standard SQL strings end at the first unpaired quote
     */
    public static List<Statement> split(String script, boolean backslashEscapes) {
        List<Statement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int blockDepth = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char ch = script.charAt(i);
            int end = i + 1;
            if (ch == '-' && peek(script, i + 1) == '-') {
                end = indexOrEnd(script, "\n", i);
            } else if (ch == '/' && peek(script, i + 1) == '*') {
                end = indexOrEnd(script, "*/", i + 2) + 2;
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                end = closingQuote(script, i, ch, backslashEscapes && ch != '`');
            } else if (ch == '$') {
                end = dollarQuoteEnd(script, i);
            } else if (Character.isLetter(ch)) {
                while (end < n && (Character.isLetterOrDigit(script.charAt(end)) || script.charAt(end) == '_')) {
                    end++;
                }
                if (end == i + 1 && (ch == 'E' || ch == 'e') && peek(script, end) == '\'') {
                    // PostgreSQL's escape string E'…', where a backslash escapes the next character.
                    end = closingQuote(script, end, '\'', true);
                }
                blockDepth = trackBlocks(current, script.substring(i, end).toUpperCase(Locale.ROOT), blockDepth);
            }
            end = Math.min(end, n);
            String token = script.substring(i, end);
            boolean isComment = token.startsWith("--") || token.startsWith("/*");
            if (ch == ';' && blockDepth == 0) {
                add(out, current, startLine);
                current.setLength(0);
                startLine = -1;
            } else {
                if (startLine < 0 && !isComment && !Character.isWhitespace(ch)) {
                    startLine = line;
                }
                if (startLine >= 0) {
                    current.append(token);
                }
            }
            line += count(token, '\n');
            i = end;
        }
        add(out, current, startLine);
        return out;
    }

    private static int trackBlocks(StringBuilder current, String word, int depth) {
        String sql = current.toString().toUpperCase(Locale.ROOT).trim();
        boolean inTrigger = CREATE_TRIGGER.matcher(sql).lookingAt();
        if (word.equals("BEGIN") && inTrigger) {
            return depth + 1;
        }
        if (word.equals("CASE") && depth > 0) {
            return depth + 1;
        }
        if (word.equals("END") && depth > 0) {
            return depth - 1;
        }
        return depth;
    }

    private static void add(List<Statement> out, StringBuilder current, int startLine) {
        String sql = current.toString().trim();
        if (!sql.isEmpty()) {
            out.add(new Statement(sql, startLine));
        }
    }

    private static char peek(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private static int indexOrEnd(String s, String needle, int from) {
        int idx = s.indexOf(needle, from);
        return idx < 0 ? s.length() : idx;
    }

    private static int closingQuote(String s, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && backslashEscapes) {
                i += 2;
                continue;
            }
            if (c == quote) {
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

    private static int dollarQuoteEnd(String s, int start) {
        int i = start + 1;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '$' || (i > start + 1 && Character.isDigit(s.charAt(start + 1)))) {
            return start + 1;
        }
        String tag = s.substring(start, i + 1);
        int close = s.indexOf(tag, i + 1);
        return close < 0 ? s.length() : close + tag.length();
    }

    private static int count(String s, char c) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }
}
