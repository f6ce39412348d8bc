package dev.mdb.cli.console;

import dev.mdb.runtime.sql.Dialect;
import dev.mdb.runtime.sql.SqlLexer;
import dev.mdb.runtime.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits console input into pieces, fed a line (or a chunk) at a time: SQL statements as {@link SqlLexer} ends them
 * (at a top-level {@code ;} or MySQL {@code DELIMITER}, not inside quotes, comments, dollar quotes or routine bodies,
 * which may all span lines), and meta-commands: a {@code \} where a statement could start runs to the end of its line.
 * A statement's text is kept as written, comments included, without its terminator; statements made only of comments
 * are dropped. Not thread-safe.
 */
public final class StatementSplitter {
    private final SqlLexer lexer;

    public StatementSplitter(Dialect dialect) {
        this.lexer = SqlLexer.incremental(dialect, SqlLexer.Input.CONSOLE);
    }

    /** Lexes what comes next as {@code dialect} (after a switch to a database group on another engine). */
    public void dialect(Dialect newDialect) {
        lexer.dialect(newDialect);
    }

    /** Splits a whole script; an unterminated last statement is returned too. */
    public static List<Piece> split(String script, Dialect dialect) {
        StatementSplitter splitter = new StatementSplitter(dialect);
        List<Piece> pieces = new ArrayList<>(splitter.feed(script + "\n"));
        String rest = splitter.takeRemainder();
        if (rest != null) {
            pieces.add(Piece.sql(rest));
        }
        return pieces;
    }

    /** Appends {@code text} (end lines with {@code \n}) and returns the pieces it completes, in order. */
    public List<Piece> feed(String text) {
        lexer.feed(text);
        return pieces();
    }

    /** Appends one line and its {@code \n}, as {@code feed(line + "\n")}. */
    public List<Piece> feedLine(String line) {
        lexer.feedLine(line);
        return pieces();
    }

    private List<Piece> pieces() {
        List<Piece> pieces = new ArrayList<>(1);
        while (lexer.next()) {
            Piece piece = piece();
            if (piece != null) {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    /** The piece the lexer's current lexeme completes, or null. */
    private Piece piece() {
        if (lexer.type() == SqlToken.Type.META_COMMAND) {
            return Piece.meta(lexer.text().trim());
        }
        if (lexer.type() == SqlToken.Type.TERMINATOR && lexer.hasStatement()) {
            return Piece.sql(lexer.text(lexer.statementFrom(), lexer.statementEnd()));
        }
        return null;
    }

    /** Whether nothing but whitespace and comments is waiting for a terminator. */
    public boolean isComplete() {
        return !lexer.inStatement();
    }

    /** The unterminated statement, or null when there is none; the buffer is emptied. */
    public String takeRemainder() {
        lexer.finish();
        String rest = null;
        while (lexer.next()) {
            Piece piece = piece();
            if (piece != null && piece.kind() == Piece.Kind.SQL) {
                rest = piece.text();
            }
        }
        reset();
        return rest;
    }

    /** Forgets any unterminated input (Ctrl-C while typing, or after an error in a script). */
    public void reset() {
        lexer.reset();
    }
}
