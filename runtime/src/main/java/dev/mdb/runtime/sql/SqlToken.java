package dev.mdb.runtime.sql;

/**
 * One lexeme of SQL text as {@link SqlLexer} reports it: its type and where it is. Whitespace between lexemes is the
 * only text not covered by a lexeme.
 *
 * @param type what kind of lexeme
 * @param start offset of its first character
 * @param end offset just past its last character; a string, identifier or comment left open runs to the end of the
 *     text
 */
public record SqlToken(Type type, int start, int end) {

    /** Lexeme types. */
    public enum Type {
        /** An unquoted identifier or keyword. */
        WORD,
        /** {@code "x"}, {@code `x`} or {@code [x]}, as the dialect has them. */
        QUOTED_IDENTIFIER,
        /** A string literal: {@code '...'}, MySQL {@code "..."}, PostgreSQL {@code E'...'}, {@code $tag$...$tag$}. */
        STRING,
        /** A numeric literal. */
        NUMBER,
        /** A variable: {@code @x}, {@code @@global.x}, {@code @'x'} (MySQL, SQLite and generic). */
        VARIABLE,
        /** A bind parameter: {@code ?}, {@code ?1}, {@code $1}, {@code $name} (not PostgreSQL), {@code :name}. */
        PARAMETER,
        /** One character of punctuation or an operator; {@code :=} and {@code ::} are one lexeme. */
        OPERATOR,
        /** {@code -- ...} (and MySQL {@code # ...}) up to the line end. */
        LINE_COMMENT,
        /** A block comment, nested on PostgreSQL. */
        BLOCK_COMMENT,
        /** The opening {@code /*!50003} or {@code /*M!100301}, or the closing of a MySQL executable comment. */
        EXECUTABLE_MARK,
        /** What ends a statement: {@code ;}, a {@code DELIMITER}, or nothing (zero width) at the end of the text. */
        TERMINATOR,
        /** A MySQL client {@code DELIMITER xx} line, which is not a statement. */
        DELIMITER,
        /** A client meta-command line starting with a backslash, when the lexer is asked to recognise them. */
        META_COMMAND;

        /** Whether this lexeme is part of a statement's SQL: not a comment, mark, terminator or client line. */
        public boolean isToken() {
            return switch (this) {
                case WORD, QUOTED_IDENTIFIER, STRING, NUMBER, VARIABLE, PARAMETER, OPERATOR -> true;
                default -> false;
            };
        }

        /** A line or block comment. */
        public boolean isComment() {
            return this == LINE_COMMENT || this == BLOCK_COMMENT;
        }
    }

    /** The lexeme's source text in {@code sql}. */
    public String text(CharSequence sql) {
        return sql.subSequence(start, end).toString();
    }

    /**
     * The lexeme's value in {@code sql} lexed as {@code dialect}: for strings and quoted identifiers the content
     * without quotes, doubled quotes and (where the dialect has them) backslash escapes resolved; for variables the
     * unquoted name after its {@code @} or {@code @@}; otherwise the source text.
     */
    public String value(CharSequence sql, Dialect dialect) {
        return LexemeValues.value(sql, type, start, end, LexMode.of(dialect));
    }
}
