package dev.mdb.runtime.sql;

/**
 * Lexical rules of a dialect for {@link SqlLexer}.
 *
 * @param nestedComments block comments nest (PostgreSQL)
 * @param backslashEscapes a backslash escapes the next character in quoted strings (MySQL)
 * @param mysqlComments {@code #} comments, {@code --} only before whitespace, executable {@code /*!} comments
 * @param dollarQuotes {@code $tag$...$tag$} strings, {@code $1} parameters and {@code E'...'} strings (PostgreSQL)
 * @param doubleQuotedStrings {@code "..."} is a string rather than an identifier (MySQL)
 * @param backtickIdentifiers {@code `...`} is an identifier
 * @param bracketIdentifiers {@code [...]} is an identifier (SQLite, SQL Server)
 * @param atVariables {@code @name} and {@code @@name} are variables or parameters
 */
record LexMode(
        boolean nestedComments,
        boolean backslashEscapes,
        boolean mysqlComments,
        boolean dollarQuotes,
        boolean doubleQuotedStrings,
        boolean backtickIdentifiers,
        boolean bracketIdentifiers,
        boolean atVariables) {

    static LexMode of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new LexMode(true, false, false, true, false, false, false, false);
            case MYSQL -> new LexMode(false, true, true, false, true, true, false, true);
            case SQLITE -> new LexMode(false, false, false, false, false, true, true, true);
            case GENERIC -> new LexMode(false, false, false, false, false, true, true, true);
        };
    }
}
