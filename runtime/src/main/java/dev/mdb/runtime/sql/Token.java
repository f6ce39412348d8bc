package dev.mdb.runtime.sql;

/**
 * One token of a statement as the classifier sees it, made from a {@link SqlLexer} lexeme. Comments and whitespace
 * never become tokens.
 *
 * @param type what kind of token
 * @param text {@link Type#WORD} and {@link Type#VARIABLE}: the text with ASCII letters in upper case; {@link
 *     Type#STRING} and {@link Type#QUOTED_IDENTIFIER}: the content without quotes and with escapes resolved; other
 *     types: the source text
 * @param depth the parenthesis depth around the token; a {@code (} and its {@code )} have the depth outside them
 */
record Token(Type type, String text, int depth) {

    /** Token types. */
    enum Type {
        /** An unquoted identifier or keyword. */
        WORD,
        /** {@code "x"}, {@code `x`} or {@code [x]}. */
        QUOTED_IDENTIFIER,
        /** A string literal, including PostgreSQL dollar-quoted strings. */
        STRING,
        /** A numeric literal. */
        NUMBER,
        /** A MySQL user or system variable ({@code @x}, {@code @@global.x}) or an SQLite {@code @name} parameter. */
        VARIABLE,
        /** A bind parameter: {@code ?}, {@code $1}, {@code :name}. */
        PARAMETER,
        /** Punctuation or an operator; {@code :=} and {@code ::} are one token. */
        OPERATOR
    }

    /** The lexer's current token, at {@code depth}. */
    static Token of(SqlLexer lexer, int depth) {
        return switch (lexer.type()) {
            case WORD -> new Token(Type.WORD, asciiUpper(lexer.text()), depth);
            case QUOTED_IDENTIFIER -> new Token(Type.QUOTED_IDENTIFIER, lexer.value(), depth);
            case STRING -> new Token(Type.STRING, lexer.value(), depth);
            case NUMBER -> new Token(Type.NUMBER, lexer.text(), depth);
            case VARIABLE -> new Token(Type.VARIABLE, asciiUpper(lexer.value()), depth);
            case PARAMETER -> new Token(Type.PARAMETER, lexer.text(), depth);
            default -> new Token(Type.OPERATOR, lexer.text(), depth);
        };
    }

    boolean isWord(String upperCaseWord) {
        return type == Type.WORD && text.equals(upperCaseWord);
    }

    boolean isOperator(String operator) {
        return type == Type.OPERATOR && text.equals(operator);
    }

    /** A word or quoted identifier: something that can name a table, function or variable. */
    boolean isName() {
        return type == Type.WORD || type == Type.QUOTED_IDENTIFIER;
    }

    /** ASCII-only upper case, so that non-ASCII look-alikes never turn into keywords. */
    static String asciiUpper(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c);
        }
        return out.toString();
    }
}
