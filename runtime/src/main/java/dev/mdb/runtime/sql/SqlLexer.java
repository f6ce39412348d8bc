package dev.mdb.runtime.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SQL lexer: every lexeme of a text with its offsets, and the statements they make, by the rules of a {@link
 * Dialect} (see the package documentation for the rules). It is a cursor: {@link #next()} moves to the next lexeme,
 * whose {@link #type()}, {@link #start()} and {@link #end()} are then readable; at a terminator ({@link
 * SqlToken.Type#TERMINATOR}) the statement it ends is described by {@link #hasStatement()}, {@link #statementStart()},
 * {@link #statementEnd()} and {@link #statementLine()}. An unterminated last statement is ended by a zero-width
 * terminator at the end of the text.
 *
 * <p>{@link #of(CharSequence, Dialect, Input)} lexes a whole text; {@link #incremental(Dialect, Input)} is fed a line
 * or a chunk at a time ({@link #feed(CharSequence)}, then {@link #next()} until it returns false, finally {@link
 * #finish()}) and follows the same rules: a lexeme that may continue in the next chunk is returned only once it cannot
 * change. Offsets count from the start of all input fed. Not thread-safe; no allocation per lexeme.
 */
public final class SqlLexer {
    /** Who reads the text, which decides whether client lines are recognised. */
    public enum Input {
        /**
         * Text as the server receives it (a JDBC statement): no client lines. The server knows no {@code DELIMITER},
         * so one (say in a version-gated {@code /*!99999 ...*}{@code /} comment the server skips) must not change
         * where statements end for the write classifier.
         */
        SERVER,
        /** A script a client runs statement by statement: MySQL {@code DELIMITER} lines are directives. */
        SCRIPT,
        /**
         * Typed into the console: as {@link #SCRIPT}, and a backslash where a statement could start begins a
         * meta-command to the end of its line, as in {@code psql}.
         */
        CONSOLE
    }

    private final StringBuilder buffer;
    private final ClientLines clientLines;
    private final LexemeScanner scanner;
    private final RoutineBodies bodies;
    private CharSequence text;
    private boolean complete;
    private LexMode mode;
    /** Offset in all input of {@code text[0]}: the incremental buffer drops what was read. */
    private int base;

    private int pos;
    private SqlToken.Type type;
    private int start;
    private int end;
    /** The type of the lexeme waiting at {@code pos} for more text, or null. */
    private SqlToken.Type openType;

    private final StatementBounds statement = new StatementBounds();

    private SqlLexer(CharSequence text, Dialect dialect, boolean complete, Input input) {
        this.mode = LexMode.of(Objects.requireNonNull(dialect, "dialect"));
        this.buffer = complete ? null : new StringBuilder();
        this.text = complete ? text : buffer;
        this.complete = complete;
        this.clientLines = new ClientLines(Objects.requireNonNull(input, "input"), mode);
        this.scanner = new LexemeScanner(mode);
        this.bodies = new RoutineBodies(mode);
        scanner.text(this.text, complete);
    }

    /** A lexer over the whole of {@code sql} as the server receives it ({@link Input#SERVER}). */
    public static SqlLexer of(CharSequence sql, Dialect dialect) {
        return of(sql, dialect, Input.SERVER);
    }

    /** A lexer over the whole of {@code sql}. */
    public static SqlLexer of(CharSequence sql, Dialect dialect, Input input) {
        return new SqlLexer(Objects.requireNonNull(sql, "sql"), dialect, true, input);
    }

    /** A lexer fed text in pieces. */
    public static SqlLexer incremental(Dialect dialect, Input input) {
        return new SqlLexer("", dialect, false, input);
    }

    /** Every lexeme of {@code sql} as the server receives it, terminators included. */
    public static List<SqlToken> tokens(CharSequence sql, Dialect dialect) {
        return tokens(sql, dialect, Input.SERVER);
    }

    /** Every lexeme of {@code sql}, terminators included. */
    public static List<SqlToken> tokens(CharSequence sql, Dialect dialect, Input input) {
        SqlLexer lexer = of(sql, dialect, input);
        List<SqlToken> tokens = new ArrayList<>();
        while (lexer.next()) {
            tokens.add(new SqlToken(lexer.type, lexer.start, lexer.end));
        }
        return tokens;
    }

    /**
     * The statements of the script {@code sql} ({@link Input#SCRIPT}: a down migration, a schema file) that hold a
     * token; statements of only comments are dropped.
     */
    public static List<SqlStatement> split(CharSequence sql, Dialect dialect) {
        SqlLexer lexer = of(sql, dialect, Input.SCRIPT);
        List<SqlStatement> statements = new ArrayList<>();
        while (lexer.next()) {
            if (lexer.type == SqlToken.Type.TERMINATOR && lexer.hasStatement()) {
                String text = sql.subSequence(lexer.statement.first, lexer.statement.last)
                        .toString();
                statements.add(
                        new SqlStatement(text, lexer.statement.first, lexer.statement.last, lexer.statement.line));
            }
        }
        return statements;
    }

    /**
     * {@code value} as a {@code '...'} string literal of {@code dialect}: quotes doubled, and backslashes too where
     * they escape (MySQL). Lexed back, its {@link SqlToken#value(CharSequence, Dialect)} is {@code value}.
     */
    public static String stringLiteral(String value, Dialect dialect) {
        String escaped = value.replace("'", "''");
        if (LexMode.of(dialect).backslashEscapes()) {
            escaped = escaped.replace("\\", "\\\\");
        }
        return "'" + escaped + "'";
    }

    /** Appends {@code chunk} to an incremental lexer's input. */
    public void feed(CharSequence chunk) {
        compact();
        buffer.append(chunk);
        scanner.text(buffer, false);
    }

    /** Appends {@code line} and a {@code \n}. */
    public void feedLine(CharSequence line) {
        compact();
        buffer.append(line).append('\n');
        scanner.text(buffer, false);
    }

    /** No more input: what is left is lexed to the end, open strings and comments included. */
    public void finish() {
        complete = true;
        scanner.text(text, true);
    }

    /** Forgets all input of an incremental lexer, so it starts afresh (a {@code DELIMITER} setting is kept). */
    public void reset() {
        buffer.setLength(0);
        base = 0;
        pos = 0;
        complete = false;
        openType = null;
        scanner.reset();
        scanner.text(buffer, false);
        start = 0;
        end = 0;
        statement.restart(bodies);
        statement.resetLines();
    }

    /** Lexes what comes next as {@code dialect}. */
    public void dialect(Dialect dialect) {
        mode = LexMode.of(Objects.requireNonNull(dialect, "dialect"));
        scanner.mode(mode);
        bodies.mode(mode);
        clientLines.mode(mode);
    }

    /** Moves to the next lexeme; false at the end of the text, or of the input so far for an incremental lexer. */
    public boolean next() {
        int p = skipWhitespace();
        int n = text.length();
        if (p >= n) {
            return complete && statement.content && lexeme(SqlToken.Type.TERMINATOR, n, n);
        }
        if (!statement.content) {
            SqlToken.Type line = clientLines.lineAt(text, p, complete);
            if (line != null) {
                int eol = clientLines.lineEnd(line, text, p, complete);
                return eol < 0 ? open(line) : lexeme(line, p, eol);
            }
            if (clientLines.waiting()) {
                return open(SqlToken.Type.DELIMITER);
            }
        }
        if (clientLines.customDelimiter()) {
            int length = clientLines.delimiterAt(text, p, complete);
            if (length != 0) {
                return length < 0 ? open(SqlToken.Type.TERMINATOR) : lexeme(SqlToken.Type.TERMINATOR, p, p + length);
            }
        }
        if (!scanner.read(p)) {
            return open(scanner.type());
        }
        SqlToken.Type t = scanner.type();
        if (t == SqlToken.Type.OPERATOR
                && text.charAt(p) == ';'
                && !clientLines.customDelimiter()
                && !bodies.holdsSemicolon()) {
            t = SqlToken.Type.TERMINATOR;
        }
        return lexeme(t, p, scanner.end());
    }

    /** Moves past whitespace (starting the next statement after a terminator); the position of the next lexeme. */
    private int skipWhitespace() {
        if (statement.ended) {
            statement.restart(bodies);
        }
        openType = null;
        int n = text.length();
        while (pos < n && text.charAt(pos) <= ' ') {
            pos++;
        }
        return pos;
    }

    /** Nothing more to read until more text comes: the lexeme at {@code pos}, of {@code waiting} type, may change. */
    private boolean open(SqlToken.Type waiting) {
        openType = waiting;
        return false;
    }

    private boolean lexeme(SqlToken.Type lexemeType, int lexemeStart, int lexemeEnd) {
        type = lexemeType;
        start = lexemeStart;
        end = lexemeEnd;
        pos = lexemeEnd;
        statement.add(lexemeType, text, lexemeStart, lexemeEnd);
        if (lexemeType.isToken()) {
            bodies.token(lexemeType, text, lexemeStart, lexemeEnd);
        }
        return true;
    }

    /** Drops the input already read from the incremental buffer (before feeding more). */
    private void compact() {
        if (buffer == null) {
            throw new IllegalStateException("this lexer lexes a given text; use SqlLexer.incremental to feed it");
        }
        if (statement.ended) {
            statement.restart(bodies);
        }
        int cut = statement.from >= 0 ? statement.from : pos;
        if (cut > 0) {
            statement.shift(text, cut);
            buffer.delete(0, cut);
            base += cut;
            pos -= cut;
            start -= cut;
            end -= cut;
            scanner.shift(cut);
        }
    }

    /** The type of the current lexeme. */
    public SqlToken.Type type() {
        return type;
    }

    /** The offset of the current lexeme. */
    public int start() {
        return base + start;
    }

    /** The offset just past the current lexeme. */
    public int end() {
        return base + end;
    }

    /** The current lexeme's source text. */
    public String text() {
        return text.subSequence(start, end).toString();
    }

    /** The current lexeme's value, as {@link SqlToken#value(CharSequence, Dialect)}. */
    public String value() {
        return LexemeValues.value(text, type, start, end, mode);
    }

    /** The source text between two offsets of input not yet dropped (the current statement's, at least). */
    public String text(int from, int to) {
        return text.subSequence(from - base, to - base).toString();
    }

    /** At a terminator: whether the statement it ends holds a token (else only comments, or nothing). */
    public boolean hasStatement() {
        return statement.content;
    }

    /** At a terminator: the offset of the statement's first lexeme, leading comments included. */
    public int statementFrom() {
        return base + statement.from;
    }

    /** At a terminator: the offset of the statement's first token (or executable comment mark). */
    public int statementStart() {
        return base + statement.first;
    }

    /** At a terminator: the offset just past the statement's last lexeme before the terminator. */
    public int statementEnd() {
        return base + statement.last;
    }

    /** At a terminator: the 1-based line of {@link #statementStart()}. */
    public int statementLine() {
        return statement.line;
    }

    /**
     * After {@link #next()} returned false: whether a statement is under way, or a string, quoted identifier or block
     * comment is open; false when only whitespace, comments or a client line's end are awaited.
     */
    public boolean inStatement() {
        return statement.content
                || (openType != null
                        && openType != SqlToken.Type.LINE_COMMENT
                        && openType != SqlToken.Type.META_COMMAND
                        && openType != SqlToken.Type.DELIMITER);
    }
}
