package dev.mdb.runtime.sql;

/**
 * Follows the tokens of one statement to tell whether a {@code ;} is inside a routine body and so does not end it.
 *
 * <p>A routine is a statement starting {@code CREATE [OR REPLACE] [DEFINER = user] [TEMP | TEMPORARY] [AGGREGATE]}
 * followed by {@code TRIGGER}, {@code PROCEDURE}, {@code FUNCTION} or {@code EVENT}; any other second word (a table
 * named {@code trigger_log}, say) makes it an ordinary statement. In a routine, {@code BEGIN} opens a body ({@code
 * BEGIN ATOMIC} only, on PostgreSQL); inside a body {@code BEGIN} and {@code CASE} open a level and {@code END} closes
 * one, except that {@code END IF}, {@code END LOOP}, {@code END WHILE}, {@code END REPEAT} and {@code END FOR} close
 * nothing counted and the {@code CASE} of {@code END CASE} opens nothing. Words are compared ASCII case-insensitively
 * in place, without copying.
 */
final class RoutineBodies {
    private enum State {
        FIRST,
        HEADER,
        ROUTINE,
        OTHER
    }

    private static final String[] ROUTINES = {"TRIGGER", "PROCEDURE", "FUNCTION", "EVENT"};
    private static final String[] MODIFIERS = {
        "OR", "REPLACE", "DEFINER", "CURRENT_USER", "TEMP", "TEMPORARY", "AGGREGATE"
    };
    private static final String[] UNCOUNTED_ENDS = {"IF", "LOOP", "WHILE", "REPEAT", "FOR"};

    private boolean atomicOnly;
    private State state = State.FIRST;
    private int level;
    private boolean afterEquals;
    private boolean endPending;
    private boolean beginPending;

    RoutineBodies(LexMode mode) {
        mode(mode);
    }

    void mode(LexMode mode) {
        atomicOnly = mode.atomicBodiesOnly();
    }

    void reset() {
        state = State.FIRST;
        level = 0;
        afterEquals = false;
        endPending = false;
        beginPending = false;
    }

    /** Whether a {@code ;} coming now is inside a body. */
    boolean holdsSemicolon() {
        if (endPending) {
            endPending = false;
            level--;
        }
        beginPending = false;
        return level > 0;
    }

    /** Takes the next token of the statement, {@code text[start, end)}. */
    void token(SqlToken.Type type, CharSequence text, int start, int end) {
        switch (state) {
            case FIRST -> state = isWord(type, text, start, end, "CREATE") ? State.HEADER : State.OTHER;
            case HEADER -> header(type, text, start, end);
            case ROUTINE -> {
                if (type == SqlToken.Type.WORD) {
                    body(text, start, end);
                } else {
                    resolvePending();
                }
            }
            case OTHER -> {
                // an ordinary statement: only its terminator matters
            }
        }
    }

    private void header(SqlToken.Type type, CharSequence text, int start, int end) {
        boolean definerName = afterEquals;
        afterEquals = type == SqlToken.Type.OPERATOR && text.charAt(start) == '=';
        if (type != SqlToken.Type.WORD) {
            boolean partOfDefiner = type == SqlToken.Type.STRING
                    || type == SqlToken.Type.QUOTED_IDENTIFIER
                    || type == SqlToken.Type.VARIABLE
                    || (type == SqlToken.Type.OPERATOR && "=()".indexOf(text.charAt(start)) >= 0);
            state = partOfDefiner ? State.HEADER : State.OTHER;
        } else if (isAnyWord(text, start, end, ROUTINES)) {
            state = State.ROUTINE;
        } else if (!definerName && !isAnyWord(text, start, end, MODIFIERS)) {
            state = State.OTHER;
        }
    }

    private void body(CharSequence text, int start, int end) {
        if (endPending) {
            endPending = false;
            if (isAnyWord(text, start, end, UNCOUNTED_ENDS)) {
                return;
            }
            level--;
            if (isWord(text, start, end, "CASE")) {
                return;
            }
        }
        if (beginPending) {
            beginPending = false;
            if (isWord(text, start, end, "ATOMIC")) {
                level++;
                return;
            }
        }
        if (isWord(text, start, end, "BEGIN")) {
            if (atomicOnly) {
                beginPending = true;
            } else {
                level++;
            }
        } else if (level > 0 && isWord(text, start, end, "CASE")) {
            level++;
        } else if (level > 0 && isWord(text, start, end, "END")) {
            endPending = true;
        }
    }

    private void resolvePending() {
        if (endPending) {
            endPending = false;
            level--;
        }
        beginPending = false;
    }

    private static boolean isWord(SqlToken.Type type, CharSequence text, int start, int end, String upper) {
        return type == SqlToken.Type.WORD && isWord(text, start, end, upper);
    }

    private static boolean isAnyWord(CharSequence text, int start, int end, String[] uppers) {
        for (String upper : uppers) {
            if (isWord(text, start, end, upper)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text[start, end)} is {@code upper} in any ASCII case. */
    static boolean isWord(CharSequence text, int start, int end, String upper) {
        if (end - start != upper.length()) {
            return false;
        }
        for (int i = 0; i < upper.length(); i++) {
            char c = text.charAt(start + i);
            if ((c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c) != upper.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
