package dev.mdb.runtime.sql;

/**
 * Short, single-line renderings of SQL for error messages and logs.
 *
 * <p>{@link #preview(String)} keeps the text as written (Rails quotes the whole statement in {@code Write query
 * attempted while in readonly mode: <sql>}), only collapsing whitespace and truncating. {@link #redacted(String)}
 * also replaces the content of string literals and dollar quotes with {@code ?}, for messages and metrics that may
 * leave the application (the house-style guard message); it errs on the side of hiding too much.
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

    /** {@link #preview(String)} of {@code sql} with string literals and dollar quotes replaced by {@code '?'}. */
    public static String redacted(String sql) {
        StringBuilder out = new StringBuilder(Math.min(sql.length(), 4 * MAX_LENGTH));
        int i = 0;
        while (i < sql.length() && out.length() <= 4 * MAX_LENGTH) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = skipQuoted(sql, i + 1);
                out.append("'?'");
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                i = close < 0 ? sql.length() : close + tag.length();
                out.append(tag).append('?').append(tag);
            } else {
                out.append(c);
                i++;
            }
        }
        return preview(out.toString());
    }

    /** From inside a quoted literal, the index after its closing quote; backslash escapes count (hiding more). */
    private static int skipQuoted(String sql, int i) {
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                i += 2;
            } else if (c == '\'') {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** For a {@code $} at {@code i} that opens a dollar quote ({@code $$}, {@code $tag$}), the index after it, else -1. */
    private static int dollarTagEnd(String sql, int i) {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return -1;
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
    }
}
