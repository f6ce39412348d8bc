package dev.mdb.runtime.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rails' write detection, reproduced for parity tests: {@code AbstractAdapter.build_read_query_regexp}, i.e.
 *
 * <pre>{@code \A(?:[(\s]|--.*\n|/\*(?:[^*]|\*[^/])*\*\/)*(?i:adapter parts|begin|commit|explain|...)}</pre>
 *
 * <p>The pattern is matched by a linear scan instead of {@link java.util.regex.Pattern}, whose recursive
 * implementation overflows the stack on long comments. The scan is exact because every alternative is
 * deterministic: items start with distinct characters, {@code .} stops at the first {@code \n}, and the comment body
 * can never run past a {@code *}{@code /} that starts at a token boundary (so {@code /* a **}{@code /} is not a
 * comment, as in Ruby). Like Rails there is no word boundary ({@code selectx} is a read) and nothing after the
 * keyword is looked at. The text is not cached: the scan reads only the leading comments and keyword.
 */
final class RailsClassifier implements StatementClassifier {
    private static final List<String> DEFAULT_READ_QUERY =
            List.of("begin", "commit", "explain", "release", "rollback", "savepoint", "select", "with");

    private final Dialect dialect;
    private final List<String> keywords = new ArrayList<>();

    RailsClassifier(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        switch (dialect) {
            case POSTGRESQL -> keywords.addAll(List.of("close", "declare", "fetch", "move", "set", "show"));
            case MYSQL -> keywords.addAll(List.of("desc", "describe", "set", "show", "use"));
            case SQLITE -> keywords.add("pragma");
            case GENERIC -> {}
        }
        keywords.addAll(DEFAULT_READ_QUERY);
    }

    @Override
    public StatementKind classify(String sql) {
        return describe(sql).kind();
    }

    @Override
    public Classification describe(String sql) {
        Objects.requireNonNull(sql, "sql");
        int at = skipPrefix(sql);
        for (String keyword : keywords) {
            if (sql.regionMatches(true, at, keyword, 0, keyword.length())) {
                return new Classification(kindOf(keyword), Token.asciiUpper(keyword), "Rails allowlist");
            }
        }
        int end = at;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return new Classification(
                StatementKind.WRITE, Token.asciiUpper(sql.substring(at, end)), "not in Rails' read allowlist");
    }

    /** The end of {@code (?:[(\s]|--.*\n|/\*(?:[^*]|\*[^/])*\*\/)*} anchored at the start. */
    static int skipPrefix(String sql) {
        int n = sql.length();
        int p = 0;
        while (p < n) {
            char c = sql.charAt(p);
            if (c == '(' || isRubySpace(c)) {
                p++;
            } else if (sql.startsWith("--", p)) {
                int newline = sql.indexOf('\n', p + 2);
                if (newline < 0) {
                    return p;
                }
                p = newline + 1;
            } else if (sql.startsWith("/*", p)) {
                int end = commentEnd(sql, p + 2);
                if (end < 0) {
                    return p;
                }
                p = end;
            } else {
                return p;
            }
        }
        return p;
    }

    /** After {@code /*}: the index just past the closing {@code *}{@code /}, or -1 if the body cannot be closed. */
    private static int commentEnd(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            if (sql.charAt(i) != '*') {
                i++; // [^*]
            } else if (i + 1 >= sql.length()) {
                return -1;
            } else if (sql.charAt(i + 1) == '/') {
                return i + 2; // \*/
            } else {
                i += 2; // \*[^/]
            }
        }
        return -1;
    }

    /** Ruby's {@code \s}: {@code [ \t\r\n\f\v]}. */
    private static boolean isRubySpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0B;
    }

    private static StatementKind kindOf(String keyword) {
        return switch (keyword) {
            case "begin", "commit", "release", "rollback", "savepoint" -> StatementKind.TRANSACTION_CONTROL;
            case "set", "use", "close", "declare", "fetch", "move" -> StatementKind.SESSION;
            default -> StatementKind.READ;
        };
    }

    @Override
    public String toString() {
        return "StatementClassifier[rails, " + dialect + "]";
    }
}
