package dev.mdb.runtime.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements of {@link Token}s. Whitespace and comments are dropped, so keywords inside
 * comments, string literals, quoted identifiers and dollar quotes never count. Statements end at every {@code ;}
 * outside those (which also resets the parenthesis depth); empty statements are dropped. Unterminated comments and
 * literals run to the end of the text.
 */
final class SqlLexer {

    private final String sql;
    private final LexMode mode;
    private final List<List<Token>> statements = new ArrayList<>();
    private List<Token> current = new ArrayList<>();
    private int pos;
    private int depth;
    private int executableComments;

    private SqlLexer(String sql, LexMode mode) {
        this.sql = sql;
        this.mode = mode;
    }

    /** The non-empty statements of {@code sql}. */
    static List<List<Token>> statements(String sql, Dialect dialect) {
        SqlLexer lexer = new SqlLexer(sql, LexMode.of(dialect));
        lexer.run();
        return lexer.statements;
    }

    private void run() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c <= ' ') {
                pos++;
            } else if (!special(c)) {
                if (isIdentifierStart(c)) {
                    word();
                } else if (isDigit(c)) {
                    add(Token.Type.NUMBER, take(ch -> isIdentifierPart(ch) || ch == '.'));
                } else {
                    pos++;
                    add(Token.Type.OPERATOR, String.valueOf(c));
                }
            }
        }
        endStatement();
    }

    /** Lexes a comment, quote, parameter or structural character at {@code pos}; false if {@code c} is not one. */
    private boolean special(char c) {
        switch (c) {
            case '-' -> {
                if (peek(1) != '-' || (mode.mysqlComments() && peek(2) > ' ')) {
                    return false;
                }
                skipLine();
            }
            case '#' -> {
                if (!mode.mysqlComments()) {
                    return false;
                }
                skipLine();
            }
            case '/' -> {
                if (peek(1) != '*') {
                    return false;
                }
                blockComment();
            }
            case '*' -> {
                if (executableComments == 0 || peek(1) != '/') {
                    return false;
                }
                executableComments--;
                pos += 2;
            }
            case '\'' -> add(Token.Type.STRING, quoted('\'', mode.backslashEscapes()));
            case '"' -> {
                if (mode.doubleQuotedStrings()) {
                    add(Token.Type.STRING, quoted('"', mode.backslashEscapes()));
                } else {
                    add(Token.Type.QUOTED_IDENTIFIER, quoted('"', false));
                }
            }
            case '`' -> {
                if (!mode.backtickIdentifiers()) {
                    return false;
                }
                add(Token.Type.QUOTED_IDENTIFIER, quoted('`', false));
            }
            case '[' -> {
                if (!mode.bracketIdentifiers()) {
                    return false;
                }
                add(Token.Type.QUOTED_IDENTIFIER, bracketed());
            }
            case '$' -> {
                return dollar();
            }
            case '@' -> {
                if (!mode.atVariables()) {
                    return false;
                }
                variable();
            }
            case ':' -> colon();
            case '?' -> {
                pos++;
                add(Token.Type.PARAMETER, "?" + take(SqlLexer::isDigit));
            }
            case ';' -> {
                pos++;
                endStatement();
            }
            case '(' -> {
                pos++;
                add(Token.Type.OPERATOR, "(");
                depth++;
            }
            case ')' -> {
                pos++;
                depth = Math.max(0, depth - 1);
                add(Token.Type.OPERATOR, ")");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void word() {
        String text = take(SqlLexer::isIdentifierPart);
        if (mode.dollarQuotes() && (text.equals("E") || text.equals("e")) && peek(0) == '\'') {
            add(Token.Type.STRING, quoted('\'', true)); // PostgreSQL E'...' escape string
        } else {
            add(Token.Type.WORD, Token.asciiUpper(text));
        }
    }

    private void skipLine() {
        while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void blockComment() {
        if (mode.mysqlComments() && (peek(2) == '!' || (peek(2) == 'M' && peek(3) == '!'))) {
            // MySQL/MariaDB executable comment: its content is SQL the server runs, so lex it.
            pos += peek(2) == '!' ? 3 : 4;
            take(SqlLexer::isDigit);
            executableComments++;
            return;
        }
        pos += 2;
        int level = 1;
        while (pos < sql.length()) {
            if (peek(0) == '*' && peek(1) == '/') {
                pos += 2;
                if (--level == 0) {
                    return;
                }
            } else if (mode.nestedComments() && peek(0) == '/' && peek(1) == '*') {
                pos += 2;
                level++;
            } else {
                pos++;
            }
        }
    }

    /** Reads a literal or identifier quoted with {@code quote} (doubled inside) starting at the opening quote. */
    private String quoted(char quote, boolean backslashEscapes) {
        StringBuilder content = new StringBuilder();
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (backslashEscapes && c == '\\' && pos + 1 < sql.length()) {
                content.append(sql.charAt(pos + 1));
                pos += 2;
            } else if (c == quote && peek(1) == quote) {
                content.append(quote);
                pos += 2;
            } else if (c == quote) {
                pos++;
                break;
            } else {
                content.append(c);
                pos++;
            }
        }
        return content.toString();
    }

    private String bracketed() {
        int close = sql.indexOf(']', pos + 1);
        int end = close < 0 ? sql.length() : close;
        String content = sql.substring(pos + 1, end);
        pos = close < 0 ? end : end + 1;
        return content;
    }

    /** {@code $1} parameters, PostgreSQL dollar quotes, SQLite {@code $name} parameters; false for a lone {@code $}. */
    private boolean dollar() {
        char next = peek(1);
        if (isDigit(next) || (!mode.dollarQuotes() && isIdentifierPart(next))) {
            pos++;
            add(Token.Type.PARAMETER, "$" + take(SqlLexer::isIdentifierPart));
            return true;
        }
        if (!mode.dollarQuotes()) {
            return false;
        }
        int end = pos + 1;
        if (next != '$') {
            if (!isIdentifierStart(next)) {
                return false;
            }
            while (end < sql.length() && isIdentifierPart(sql.charAt(end)) && sql.charAt(end) != '$') {
                end++;
            }
            if (end >= sql.length() || sql.charAt(end) != '$') {
                return false;
            }
        }
        String tag = sql.substring(pos, end + 1);
        int close = sql.indexOf(tag, end + 1);
        int contentEnd = close < 0 ? sql.length() : close;
        add(Token.Type.STRING, sql.substring(end + 1, contentEnd));
        pos = close < 0 ? contentEnd : close + tag.length();
        return true;
    }

    private void variable() {
        StringBuilder name = new StringBuilder("@");
        pos++;
        if (peek(0) == '@') {
            name.append('@');
            pos++;
        }
        char c = peek(0);
        if (c == '\'' || c == '"' || c == '`') {
            name.append(quoted(c, c != '`' && mode.backslashEscapes()));
        } else {
            name.append(take(ch -> isIdentifierPart(ch) || ch == '.'));
        }
        add(Token.Type.VARIABLE, Token.asciiUpper(name));
    }

    private void colon() {
        char next = peek(1);
        if (next == '=' || next == ':') {
            pos += 2;
            add(Token.Type.OPERATOR, next == '=' ? ":=" : "::");
        } else if (isIdentifierStart(next)) {
            pos++;
            add(Token.Type.PARAMETER, ":" + take(SqlLexer::isIdentifierPart));
        } else {
            pos++;
            add(Token.Type.OPERATOR, ":");
        }
    }

    private String take(CharPredicate accept) {
        int start = pos;
        while (pos < sql.length() && accept.test(sql.charAt(pos))) {
            pos++;
        }
        return sql.substring(start, pos);
    }

    private char peek(int offset) {
        int at = pos + offset;
        return at < sql.length() ? sql.charAt(at) : '\0';
    }

    private void add(Token.Type type, String text) {
        current.add(new Token(type, text, depth));
    }

    private void endStatement() {
        if (!current.isEmpty()) {
            statements.add(current);
            current = new ArrayList<>();
        }
        depth = 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    /** A {@code char} predicate without boxing. */
    @FunctionalInterface
    private interface CharPredicate {
        boolean test(char c);
    }
}
