package dev.mdb.runtime.sql;

/**
 * Reads one lexeme at a time for {@link SqlLexer}, by the {@link LexMode} rules. Text that may still grow (a console
 * fed line by line) is read only up to lexemes that cannot change: a lexeme that reaches the end of the text is left
 * for later, and a long one (string, comment, dollar quote) resumes where it stopped instead of being read again. No
 * allocation per lexeme.
 */
final class LexemeScanner {
    private CharSequence text;
    private int limit;
    private boolean complete;
    private LexMode mode;
    /** MySQL executable comments open: their {@code *}{@code /} is a mark, not an operator. */
    private int executable;

    private boolean starved;

    /** The lexeme read by {@link #read(int)}, or the one left open at the end of the text. */
    private SqlToken.Type type;

    private int end;
    /** Where the open lexeme starts, -1 if none; its scan resumes at {@link #resumeAt} with {@link #resumeLevel}. */
    private int openStart = -1;

    private int resumeAt;
    private int resumeLevel;

    LexemeScanner(LexMode mode) {
        this.mode = mode;
    }

    void mode(LexMode newMode) {
        this.mode = newMode;
    }

    /** The text to read, its length now, and whether more will be appended. */
    void text(CharSequence newText, boolean isComplete) {
        this.text = newText;
        this.limit = newText.length();
        this.complete = isComplete;
    }

    /** The first {@code removed} characters were deleted from the text. */
    void shift(int removed) {
        if (openStart >= 0) {
            openStart -= removed;
            resumeAt -= removed;
        }
    }

    void reset() {
        executable = 0;
        openStart = -1;
    }

    SqlToken.Type type() {
        return type;
    }

    int end() {
        return end;
    }

    /** Reads the lexeme at {@code p}, a character that is not whitespace; false if the text may still change it. */
    boolean read(int p) {
        starved = false;
        int e = lexeme(p);
        if (e < 0 || (starved && !complete)) {
            return false;
        }
        end = e;
        openStart = -1;
        if (type == SqlToken.Type.EXECUTABLE_MARK) {
            executable += text.charAt(p) == '*' ? -1 : 1;
        }
        return true;
    }

    private int lexeme(int p) {
        char c = text.charAt(p);
        return switch (c) {
            case '-' ->
                at(p + 1) == '-' && (!mode.mysqlComments() || at(p + 2) <= ' ')
                        ? lineComment(p, p + 2)
                        : operator(p + 1);
            case '#' -> mode.mysqlComments() ? lineComment(p, p + 1) : operator(p + 1);
            case '/' -> at(p + 1) == '*' ? slashStar(p) : operator(p + 1);
            case '*' -> executable > 0 && at(p + 1) == '/' ? as(SqlToken.Type.EXECUTABLE_MARK, p + 2) : operator(p + 1);
            case '\'' -> quoted(SqlToken.Type.STRING, p, p, mode.backslashEscapes());
            case '"' ->
                mode.doubleQuotedStrings()
                        ? quoted(SqlToken.Type.STRING, p, p, mode.backslashEscapes())
                        : quoted(SqlToken.Type.QUOTED_IDENTIFIER, p, p, false);
            case '`' ->
                mode.backtickIdentifiers() ? quoted(SqlToken.Type.QUOTED_IDENTIFIER, p, p, false) : operator(p + 1);
            case '[' -> mode.bracketIdentifiers() ? bracketed(p) : operator(p + 1);
            case '$' -> dollar(p);
            case '@' -> mode.atVariables() ? variable(p) : operator(p + 1);
            case ':' -> colon(p);
            case '?' -> as(SqlToken.Type.PARAMETER, skipDigits(p + 1));
            default -> other(p, c);
        };
    }

    private int other(int p, char c) {
        if (SqlChars.isIdentifierStart(c)) {
            int e = skipIdentifier(p + 1);
            if (mode.dollarQuotes() && e == p + 1 && (c == 'E' || c == 'e') && at(e) == '\'') {
                return quoted(SqlToken.Type.STRING, p, e, true); // PostgreSQL E'...' escape string
            }
            return as(SqlToken.Type.WORD, e);
        }
        if (SqlChars.isDigit(c)) {
            int e = p + 1;
            while (SqlChars.isIdentifierPart(at(e)) || at(e) == '.') {
                e++;
            }
            return as(SqlToken.Type.NUMBER, e);
        }
        return operator(p + 1);
    }

    private int lineComment(int p, int from) {
        type = SqlToken.Type.LINE_COMMENT;
        for (int i = resumeFrom(p, from); i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return atEnd(p, limit, 0);
    }

    /** {@code /*}: a block comment, or the opening mark of a MySQL executable comment. */
    private int slashStar(int p) {
        if (mode.mysqlComments() && (at(p + 2) == '!' || (at(p + 2) == 'M' && at(p + 3) == '!'))) {
            return as(SqlToken.Type.EXECUTABLE_MARK, skipDigits(p + (at(p + 2) == '!' ? 3 : 4)));
        }
        type = SqlToken.Type.BLOCK_COMMENT;
        int i = p + 2;
        int level = 1;
        if (openStart == p) {
            i = resumeAt;
            level = resumeLevel;
        }
        while (i < limit) {
            char c = text.charAt(i);
            boolean closes = c == '*';
            if ((closes || (c == '/' && mode.nestedComments())) && i + 1 >= limit) {
                break;
            }
            if (closes && text.charAt(i + 1) == '/') {
                i += 2;
                if (--level == 0) {
                    return i;
                }
            } else if (!closes && c == '/' && mode.nestedComments() && text.charAt(i + 1) == '*') {
                i += 2;
                level++;
            } else {
                i++;
            }
        }
        return atEnd(p, i, level);
    }

    /** A literal or identifier quoted with the character at {@code open} (doubled inside), starting at {@code p}. */
    private int quoted(SqlToken.Type quotedType, int p, int open, boolean escapes) {
        type = quotedType;
        char quote = text.charAt(open);
        int i = resumeFrom(p, open + 1);
        while (i < limit) {
            char c = text.charAt(i);
            if ((escapes && c == '\\') || c == quote) {
                if (i + 1 >= limit) {
                    return complete ? (c == quote ? i + 1 : limit) : open(p, i, 0);
                }
                if (c == quote && text.charAt(i + 1) != quote) {
                    return i + 1;
                }
                i += 2;
            } else {
                i++;
            }
        }
        return atEnd(p, i, 0);
    }

    private int bracketed(int p) {
        type = SqlToken.Type.QUOTED_IDENTIFIER;
        for (int i = resumeFrom(p, p + 1); i < limit; i++) {
            if (text.charAt(i) == ']') {
                return i + 1;
            }
        }
        return atEnd(p, limit, 0);
    }

    /** {@code $1} and {@code $name} parameters, PostgreSQL dollar quotes; a lone {@code $} is an operator. */
    private int dollar(int p) {
        char next = at(p + 1);
        if (SqlChars.isDigit(next) || (!mode.dollarQuotes() && SqlChars.isIdentifierPart(next))) {
            return as(SqlToken.Type.PARAMETER, skipIdentifier(p + 1));
        }
        int tagEnd = p + 1; // the $ closing the opening tag
        if (!mode.dollarQuotes() || (next != '$' && !SqlChars.isIdentifierStart(next))) {
            return operator(p + 1);
        }
        while (at(tagEnd) != '$' && SqlChars.isIdentifierPart(at(tagEnd))) {
            tagEnd++;
        }
        if (at(tagEnd) != '$') {
            return operator(p + 1);
        }
        type = SqlToken.Type.STRING;
        int tagLength = tagEnd + 1 - p;
        int from = resumeFrom(p, tagEnd + 1);
        for (int i = from; i + tagLength <= limit; i++) {
            if (regionEquals(i, p, tagLength)) {
                return i + tagLength;
            }
        }
        return atEnd(p, Math.max(from, limit - tagLength + 1), 0);
    }

    private int variable(int p) {
        int i = at(p + 1) == '@' ? p + 2 : p + 1;
        char c = at(i);
        if (c == '\'' || c == '"' || c == '`') {
            return quoted(SqlToken.Type.VARIABLE, p, i, c != '`' && mode.backslashEscapes());
        }
        while (SqlChars.isIdentifierPart(at(i)) || at(i) == '.') {
            i++;
        }
        return as(SqlToken.Type.VARIABLE, i);
    }

    private int colon(int p) {
        char next = at(p + 1);
        if (next == '=' || next == ':') {
            return operator(p + 2);
        }
        return SqlChars.isIdentifierStart(next) ? as(SqlToken.Type.PARAMETER, skipIdentifier(p + 1)) : operator(p + 1);
    }

    private boolean regionEquals(int i, int tagStart, int length) {
        for (int k = 0; k < length; k++) {
            if (text.charAt(i + k) != text.charAt(tagStart + k)) {
                return false;
            }
        }
        return true;
    }

    /** Where the scan of the long lexeme at {@code p} starts: where it stopped last time, else {@code from}. */
    private int resumeFrom(int p, int from) {
        return openStart == p ? resumeAt : from;
    }

    /** The end of a long lexeme that reached the end of the text: there if complete, else open (-1) until more. */
    private int atEnd(int p, int resume, int level) {
        return complete ? limit : open(p, resume, level);
    }

    private int open(int p, int resume, int level) {
        openStart = p;
        resumeAt = resume;
        resumeLevel = level;
        return -1;
    }

    private int operator(int e) {
        return as(SqlToken.Type.OPERATOR, e);
    }

    private int as(SqlToken.Type lexemeType, int e) {
        type = lexemeType;
        return e;
    }

    private int skipDigits(int from) {
        int e = from;
        while (SqlChars.isDigit(at(e))) {
            e++;
        }
        return e;
    }

    private int skipIdentifier(int from) {
        int e = from;
        while (SqlChars.isIdentifierPart(at(e))) {
            e++;
        }
        return e;
    }

    /** The character at {@code i}, or {@code '\0'} past the end (noting that the lexeme ran out of text). */
    private char at(int i) {
        if (i < limit) {
            return text.charAt(i);
        }
        starved = true;
        return '\0';
    }
}
