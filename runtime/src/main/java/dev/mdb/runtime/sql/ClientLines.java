package dev.mdb.runtime.sql;

/**
 * The client's own lines, which are not SQL for the server: in scripts and the console, the MySQL client's {@code
 * DELIMITER xx} (where a statement could start; {@code xx} is the terminator until {@code DELIMITER ;}); in the console
 * also a meta-command: a backslash where a statement could start, to the end of its line. Keeps the current terminator
 * for {@link SqlLexer}.
 */
final class ClientLines {
    private static final String DIRECTIVE = "DELIMITER";

    private final boolean metaCommands;
    private boolean directive;
    private String delimiter = ";";
    private boolean custom;
    /** Set by {@link #lineAt} when the text so far may still become a {@code DELIMITER} line. */
    private boolean waiting;

    private final boolean clientInput;

    ClientLines(SqlLexer.Input input, LexMode mode) {
        this.metaCommands = input == SqlLexer.Input.CONSOLE;
        this.clientInput = input != SqlLexer.Input.SERVER;
        mode(mode);
    }

    void mode(LexMode mode) {
        directive = clientInput && mode.delimiterDirective();
        if (!directive) {
            delimiter = ";";
            custom = false;
        }
    }

    /** Whether the terminator is a {@code DELIMITER} other than {@code ;}. */
    boolean customDelimiter() {
        return custom;
    }

    /** Whether the last {@link #lineAt} found too little text to tell. */
    boolean waiting() {
        return waiting;
    }

    /** The client line at {@code p}: {@link SqlToken.Type#META_COMMAND}, {@link SqlToken.Type#DELIMITER} or null. */
    SqlToken.Type lineAt(CharSequence text, int p, boolean complete) {
        waiting = false;
        if (metaCommands && text.charAt(p) == '\\') {
            return SqlToken.Type.META_COMMAND;
        }
        if (!directive) {
            return null;
        }
        int n = text.length();
        int wordEnd = p + DIRECTIVE.length();
        for (int i = p; i < Math.min(wordEnd, n); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c) != DIRECTIVE.charAt(i - p)) {
                return null;
            }
        }
        if (wordEnd >= n) {
            waiting = !complete;
            return null;
        }
        return text.charAt(wordEnd) == ' ' || text.charAt(wordEnd) == '\t' ? SqlToken.Type.DELIMITER : null;
    }

    /** The end (the {@code \n}) of the client line at {@code p}, or -1 until it is fed; applies a delimiter. */
    int lineEnd(SqlToken.Type kind, CharSequence text, int p, boolean complete) {
        int n = text.length();
        int eol = p;
        while (eol < n && text.charAt(eol) != '\n') {
            eol++;
        }
        if (eol == n && !complete) {
            return -1;
        }
        if (kind == SqlToken.Type.DELIMITER) {
            newDelimiter(text, p + DIRECTIVE.length(), eol);
        }
        return eol;
    }

    private void newDelimiter(CharSequence text, int from, int eol) {
        int s = from;
        while (s < eol && text.charAt(s) <= ' ') {
            s++;
        }
        int e = s;
        while (e < eol && text.charAt(e) > ' ') {
            e++;
        }
        if (e > s) {
            delimiter = text.subSequence(s, e).toString();
            custom = !delimiter.equals(";");
        }
    }

    /** The custom delimiter's length if it is at {@code p}, -1 if the text so far ends in a prefix of it, else 0. */
    int delimiterAt(CharSequence text, int p, boolean complete) {
        int length = Math.min(delimiter.length(), text.length() - p);
        for (int i = 0; i < length; i++) {
            if (text.charAt(p + i) != delimiter.charAt(i)) {
                return 0;
            }
        }
        if (length == delimiter.length()) {
            return length;
        }
        return complete ? 0 : -1;
    }
}
