package dev.mdb.runtime.sql;

/** The character classes of {@link SqlLexer}: ASCII digits, and identifiers that take any non-ASCII character. */
final class SqlChars {
    private SqlChars() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** ASCII letters, {@code _} and every character from U+0080. */
    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** Identifier starts, digits and {@code $}. */
    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }
}
