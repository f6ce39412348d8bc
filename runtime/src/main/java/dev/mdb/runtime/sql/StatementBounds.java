package dev.mdb.runtime.sql;

/**
 * Where the statement {@link SqlLexer} is reading starts and ends, and the line count that gives its line. Offsets are
 * indexes into the lexer's text; lines are counted lazily, each character once.
 */
final class StatementBounds {
    /** The first lexeme, comments included; -1 before it. */
    int from = -1;
    /** The first token or executable comment mark; -1 before it. */
    int first = -1;
    /** Just past the last lexeme before the terminator. */
    int last;
    /** The 1-based line of {@link #first}. */
    int line;
    /** Whether a token was read: a statement of only comments is none. */
    boolean content;
    /** Whether a terminator or a client line ended it (the next lexeme starts another). */
    boolean ended;

    private int counted;
    private int lines = 1;

    void add(SqlToken.Type type, CharSequence text, int start, int end) {
        switch (type) {
            case TERMINATOR, DELIMITER, META_COMMAND -> ended = true;
            default -> {
                if (from < 0) {
                    from = start;
                }
                if (first < 0 && !type.isComment()) {
                    first = start;
                    line = lineOf(text, start);
                }
                content |= type.isToken();
                last = end;
            }
        }
    }

    void restart(RoutineBodies bodies) {
        from = -1;
        first = -1;
        last = 0;
        content = false;
        ended = false;
        bodies.reset();
    }

    /** The first {@code cut} characters of {@code text} are about to be dropped. */
    void shift(CharSequence text, int cut) {
        lineOf(text, cut);
        counted -= cut;
        if (from >= 0) {
            from -= cut;
        }
        if (first >= 0) {
            first -= cut;
        }
        last = Math.max(0, last - cut);
    }

    void resetLines() {
        counted = 0;
        lines = 1;
    }

    private int lineOf(CharSequence text, int offset) {
        for (int i = counted; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        counted = Math.max(counted, offset);
        return lines;
    }
}
