package dev.mdb.runtime.sql;

/** The value of a lexeme whose extent {@link LexemeScanner} found: quotes removed, escapes resolved. */
final class LexemeValues {
    private LexemeValues() {}

    static String value(CharSequence text, SqlToken.Type type, int start, int end, LexMode mode) {
        return switch (type) {
            case STRING -> string(text, start, end, mode);
            case QUOTED_IDENTIFIER ->
                text.charAt(start) == '['
                        ? text.subSequence(start + 1, text.charAt(end - 1) == ']' ? end - 1 : end)
                                .toString()
                        : unquote(text, start, end, false);
            case VARIABLE -> variable(text, start, end, mode);
            default -> text.subSequence(start, end).toString();
        };
    }

    private static String string(CharSequence text, int start, int end, LexMode mode) {
        char first = text.charAt(start);
        if (first == '$') {
            int tagLength = 1;
            while (text.charAt(start + tagLength) != '$') {
                tagLength++;
            }
            tagLength++;
            boolean closed = end - start >= 2 * tagLength && sameTag(text, start, end - tagLength, tagLength);
            return text.subSequence(start + tagLength, closed ? end - tagLength : end)
                    .toString();
        }
        if (first != '\'' && first != '"') {
            return unquote(text, start + 1, end, true); // PostgreSQL E'...'
        }
        return unquote(text, start, end, mode.backslashEscapes());
    }

    private static boolean sameTag(CharSequence text, int tag, int at, int length) {
        for (int k = 0; k < length; k++) {
            if (text.charAt(tag + k) != text.charAt(at + k)) {
                return false;
            }
        }
        return true;
    }

    private static String variable(CharSequence text, int start, int end, LexMode mode) {
        int name = start + 1 < end && text.charAt(start + 1) == '@' ? start + 2 : start + 1;
        char quote = name < end ? text.charAt(name) : '\0';
        if (quote != '\'' && quote != '"' && quote != '`') {
            return text.subSequence(start, end).toString();
        }
        return text.subSequence(start, name) + unquote(text, name, end, quote != '`' && mode.backslashEscapes());
    }

    /** The content of the quoted lexeme {@code text[open, end)}: doubled quotes and escapes resolved. */
    private static String unquote(CharSequence text, int open, int end, boolean backslashEscapes) {
        char quote = text.charAt(open);
        StringBuilder content = new StringBuilder(end - open);
        int i = open + 1;
        while (i < end) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\' && i + 1 < end) {
                content.append(text.charAt(i + 1));
                i += 2;
            } else if (c == quote && i + 1 < end && text.charAt(i + 1) == quote) {
                content.append(quote);
                i += 2;
            } else if (c == quote) {
                break;
            } else {
                content.append(c);
                i++;
            }
        }
        return content.toString();
    }
}
