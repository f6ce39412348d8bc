package dev.mdb.runtime.sql;

/**
 * Short, single-line renderings of SQL for error messages and logs.
 *
 * <p>{@link #preview(String)} keeps the text as written (Rails quotes the whole statement in {@code Write query
 * attempted while in readonly mode: <sql>}), only collapsing whitespace and truncating. {@link #redacted(String,
 * Dialect)} also replaces the content of string literals and dollar quotes with {@code ?}, for messages and metrics
 * that may leave the application (the house-style guard message); literals are found by {@link SqlLexer}.
 */
public final class SqlPreview {
    /** Characters kept before the ellipsis. */
    public static final int MAX_LENGTH = 200;

    private static final String ELLIPSIS = "…";

    private SqlPreview() {}

    /** {@code sql} with every whitespace run collapsed to one space, trimmed, cut at {@link #MAX_LENGTH} with "…". */
    public static String preview(String sql) {
        StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_LENGTH + 1));
        boolean space = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
            if (out.length() > MAX_LENGTH) {
                int cut = Character.isLowSurrogate(out.charAt(MAX_LENGTH)) ? MAX_LENGTH - 1 : MAX_LENGTH;
                out.setLength(cut);
                return out.append(ELLIPSIS).toString();
            }
        }
        return out.toString();
    }

    /**
     * {@link #preview(String)} of {@code sql} with the content of string literals and dollar quotes replaced by {@code
     * ?}, the text lexed as PostgreSQL ({@link #redacted(String, Dialect)}).
     */
    public static String redacted(String sql) {
        return redacted(sql, Dialect.POSTGRESQL);
    }

    /**
     * {@link #preview(String)} of {@code sql} with the content of every string literal (as {@link SqlLexer} finds them
     * in {@code dialect}) replaced by {@code ?}: {@code 'x'} becomes {@code '?'}, {@code E'x'} {@code E'?'}, {@code
     * $t$x$t$} {@code $t$?$t$}. An unterminated literal hides the rest of the text.
     */
    public static String redacted(String sql, Dialect dialect) {
        int budget = 4 * MAX_LENGTH;
        StringBuilder out = new StringBuilder(Math.min(sql.length(), budget));
        SqlLexer lexer = SqlLexer.of(sql, dialect);
        int done = 0;
        while (out.length() <= budget && lexer.next()) {
            append(out, sql, done, lexer.start(), budget);
            if (lexer.type() == SqlToken.Type.STRING) {
                redact(out, sql, lexer.start());
            } else {
                append(out, sql, lexer.start(), lexer.end(), budget);
            }
            done = lexer.end();
        }
        append(out, sql, done, sql.length(), budget);
        return preview(out.toString());
    }

    /** The string literal at {@code start} with its content as {@code ?}, the quotes (or dollar tags) kept. */
    private static void redact(StringBuilder out, String sql, int start) {
        if (sql.charAt(start) == '$') {
            String tag = sql.substring(start, sql.indexOf('$', start + 1) + 1);
            out.append(tag).append('?').append(tag);
            return;
        }
        int quote = sql.charAt(start) == '\'' || sql.charAt(start) == '"' ? start : start + 1;
        out.append(sql, start, quote + 1).append('?').append(sql.charAt(quote));
    }

    private static void append(StringBuilder out, String sql, int from, int to, int budget) {
        out.append(sql, from, Math.max(from, Math.min(to, from + budget + 1 - out.length())));
    }
}
