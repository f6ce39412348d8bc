package dev.mdb.cli.console;

import dev.mdb.runtime.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits console input into statements at top-level {@code ;}, fed a line (or a chunk) at a time. Quotes, quoted
 * identifiers, comments and PostgreSQL dollar quotes may span lines and hide {@code ;}; a {@code CREATE TRIGGER} body
 * ends only at {@code END;}. A {@code \} at the start of a statement begins a meta-command that runs to the end of its
 * line. Statements made only of comments are dropped. Not thread-safe.
 */
public final class StatementSplitter {
    private enum State {
        NORMAL,
        LINE_COMMENT,
        BLOCK_COMMENT,
        QUOTED,
        DOLLAR_QUOTED
    }

    private Dialect dialect;
    private final StringBuilder buffer = new StringBuilder();
    private State state = State.NORMAL;
    private int position;
    private int commentDepth;
    private char closingQuote;
    private boolean backslashEscapes;
    private String dollarTag;
    private boolean content;
    /** The statement's words so far, counted up to 4: the trigger rule looks at those only. */
    private int leadingWords;
    /** Whether the first word is CREATE. */
    private boolean createFirst;
    /** Whether one of the next three words is TRIGGER. */
    private boolean triggerLeading;
    /** Whether the last word (or {@code /*!}, quote or symbol) of the statement so far is END. */
    private boolean lastWordEnd;

    public StatementSplitter(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Lexes what comes next as {@code dialect} (after a switch to a database group on another engine). */
    public void dialect(Dialect newDialect) {
        this.dialect = newDialect;
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
        buffer.append(text);
        return scan();
    }

    /** Appends one line and its {@code \n}, as {@code feed(line + "\n")}. */
    public List<Piece> feedLine(String line) {
        buffer.append(line).append('\n');
        return scan();
    }

    private List<Piece> scan() {
        List<Piece> pieces = new ArrayList<>(1);
        while (position < buffer.length()) {
            scan(pieces);
        }
        return pieces;
    }

    /** Whether nothing but whitespace and comments is waiting for a {@code ;}. */
    public boolean isComplete() {
        return !content && (state == State.NORMAL || state == State.LINE_COMMENT);
    }

    /** The unterminated statement, or null when there is none; the buffer is emptied. */
    public String takeRemainder() {
        String rest = content ? buffer.toString().trim() : null;
        reset();
        return rest;
    }

    /** Forgets any unterminated input (Ctrl-C while typing, or after an error in a script). */
    public void reset() {
        buffer.setLength(0);
        position = 0;
        state = State.NORMAL;
        startStatement();
    }

    private void startStatement() {
        content = false;
        leadingWords = 0;
        createFirst = false;
        triggerLeading = false;
        lastWordEnd = false;
    }

    private void scan(List<Piece> pieces) {
        char c = buffer.charAt(position);
        char next = position + 1 < buffer.length() ? buffer.charAt(position + 1) : '\0';
        switch (state) {
            case LINE_COMMENT -> {
                if (c == '\n') {
                    state = State.NORMAL;
                }
                position++;
            }
            case BLOCK_COMMENT -> scanBlockComment(c, next);
            case QUOTED -> scanQuoted(c, next);
            case DOLLAR_QUOTED -> {
                if (matchesAt(dollarTag, position)) {
                    position += dollarTag.length();
                    state = State.NORMAL;
                } else {
                    position++;
                }
            }
            case NORMAL -> scanNormal(c, next, pieces);
        }
    }

    private void scanBlockComment(char c, char next) {
        if (c == '*' && next == '/') {
            position += 2;
            if (--commentDepth == 0) {
                state = State.NORMAL;
            }
        } else if (c == '/' && next == '*' && dialect == Dialect.POSTGRESQL) {
            position += 2;
            commentDepth++;
        } else {
            position++;
        }
    }

    private void scanQuoted(char c, char next) {
        if (backslashEscapes && c == '\\') {
            position += 2;
        } else if (c == closingQuote && next == closingQuote && closingQuote != ']') {
            position += 2;
        } else {
            position++;
            if (c == closingQuote) {
                state = State.NORMAL;
            }
        }
    }

    private void scanNormal(char c, char next, List<Piece> pieces) {
        if ((c == '-' && next == '-') || (c == '#' && dialect == Dialect.MYSQL)) {
            state = State.LINE_COMMENT;
            position++;
        } else if (c == '/' && next == '*') {
            boolean executable = position + 2 < buffer.length() && "!+".indexOf(buffer.charAt(position + 2)) >= 0;
            if (executable) {
                markContent("/*");
            }
            state = State.BLOCK_COMMENT;
            commentDepth = 1;
            position += 2;
        } else if (c == ';') {
            endStatement(pieces);
        } else if (c == '\\' && !content) {
            metaCommand(pieces);
        } else if (isQuote(c)) {
            startQuote(c);
        } else if (c == '$' && dialect == Dialect.POSTGRESQL && dollarTagAt() != null) {
            dollarTag = dollarTagAt();
            markContent(null);
            state = State.DOLLAR_QUOTED;
            position += dollarTag.length();
        } else if (Character.isLetter(c) || c == '_') {
            word();
        } else {
            if (!Character.isWhitespace(c)) {
                markContent("");
            }
            position++;
        }
    }

    private boolean isQuote(char c) {
        return switch (c) {
            case '\'', '"' -> true;
            case '`' -> dialect != Dialect.POSTGRESQL;
            case '[' -> dialect == Dialect.SQLITE;
            default -> false;
        };
    }

    private void startQuote(char c) {
        char before = position > 0 ? buffer.charAt(position - 1) : ' ';
        boolean escapeString = c == '\'' && (before == 'E' || before == 'e') && dialect == Dialect.POSTGRESQL;
        backslashEscapes = (dialect == Dialect.MYSQL && c != '`') || escapeString;
        closingQuote = c == '[' ? ']' : c;
        markContent("");
        state = State.QUOTED;
        position++;
    }

    /** {@code $tag$} (or {@code $$}) at the position, not preceded by an identifier character; else null. */
    private String dollarTagAt() {
        if (position > 0 && Character.isLetterOrDigit(buffer.charAt(position - 1))) {
            return null;
        }
        int end = position + 1;
        while (end < buffer.length() && (Character.isLetterOrDigit(buffer.charAt(end)) || buffer.charAt(end) == '_')) {
            end++;
        }
        boolean tagOk = end == position + 1 || !Character.isDigit(buffer.charAt(position + 1));
        return end < buffer.length() && buffer.charAt(end) == '$' && tagOk ? buffer.substring(position, end + 1) : null;
    }

    private boolean matchesAt(String text, int at) {
        if (at + text.length() > buffer.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (buffer.charAt(at + i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A word: only the keywords that matter for the trigger rule are looked at, without copying the word. */
    private void word() {
        int end = position;
        while (end < buffer.length() && (Character.isLetterOrDigit(buffer.charAt(end)) || buffer.charAt(end) == '_')) {
            end++;
        }
        content = true;
        lastWordEnd = isKeyword(position, end, "END");
        if (leadingWords < 4) {
            if (leadingWords == 0) {
                createFirst = isKeyword(position, end, "CREATE");
            } else if (isKeyword(position, end, "TRIGGER")) {
                triggerLeading = true;
            }
            leadingWords++;
        }
        position = end;
    }

    /** Whether {@code buffer[start, end)} is {@code keyword} (upper case) in any case. */
    private boolean isKeyword(int start, int end, String keyword) {
        if (end - start != keyword.length()) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            if (Character.toUpperCase(buffer.charAt(start + i)) != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Marks the statement as having content; a non-null {@code token} is its last word so far (never END). */
    private void markContent(String token) {
        content = true;
        if (token != null) {
            lastWordEnd = false;
        }
    }

    private void endStatement(List<Piece> pieces) {
        if (insideTriggerBody()) {
            markContent("");
            position++;
            return;
        }
        String statement = buffer.substring(0, position).trim();
        boolean hasContent = content;
        consume(position + 1);
        if (hasContent) {
            pieces.add(Piece.sql(statement));
        }
    }

    /** SQLite's {@code CREATE [TEMP] TRIGGER ... BEGIN ...; END;}: only the {@code ;} after END ends it. */
    private boolean insideTriggerBody() {
        boolean trigger = createFirst && triggerLeading && (dialect == Dialect.SQLITE || dialect == Dialect.GENERIC);
        return trigger && !lastWordEnd;
    }

    private void metaCommand(List<Piece> pieces) {
        int end = buffer.indexOf("\n", position);
        if (end < 0) {
            end = buffer.length();
        }
        pieces.add(Piece.meta(buffer.substring(position, end).trim()));
        consume(end);
    }

    private void consume(int end) {
        buffer.delete(0, end);
        position = 0;
        startStatement();
    }
}
