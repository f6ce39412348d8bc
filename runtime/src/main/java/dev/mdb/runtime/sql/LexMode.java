package dev.mdb.runtime.sql;

import java.util.EnumMap;
import java.util.Map;

/**
 * The lexical rules of a dialect, decided here once for every consumer of {@link SqlLexer}. The table (see {@link
 * #of(Dialect)}):
 *
 * <pre>
 *                          POSTGRESQL  MYSQL  SQLITE  GENERIC
 * nested block comments        x
 * backslash escapes                      x
 * MySQL comments                         x
 * dollar quotes, $1, E''       x
 * "..." is a string                      x
 * `...` identifiers                      x      x       x
 * [...] identifiers                             x       x
 * variables (@name)                      x      x       x
 * DELIMITER directive                    x
 * bodies only BEGIN ATOMIC     x
 * </pre>
 *
 * @param nestedComments block comments nest (PostgreSQL)
 * @param backslashEscapes a backslash escapes the next character in {@code '...'} and {@code "..."} strings (MySQL)
 * @param mysqlComments {@code #} comments, {@code --} a comment only before whitespace or the end, executable {@code
 *     /*!...*}{@code /} and {@code /*M!...*}{@code /} comments whose content is SQL
 * @param dollarQuotes {@code $tag$...$tag$} strings, {@code $1} parameters and {@code E'...'} strings with backslash
 *     escapes (PostgreSQL); elsewhere {@code $name} is a parameter
 * @param doubleQuotedStrings {@code "..."} is a string rather than an identifier (MySQL)
 * @param backtickIdentifiers {@code `...`} is an identifier
 * @param bracketIdentifiers {@code [...]} is an identifier (SQLite, SQL Server)
 * @param atVariables {@code @name} and {@code @@name} are variables or parameters
 * @param delimiterDirective a {@code DELIMITER xx} line at statement start changes the terminator (the MySQL client)
 * @param atomicBodiesOnly only {@code BEGIN ATOMIC} opens a routine body (PostgreSQL, whose other bodies are strings)
 */
record LexMode(
        boolean nestedComments,
        boolean backslashEscapes,
        boolean mysqlComments,
        boolean dollarQuotes,
        boolean doubleQuotedStrings,
        boolean backtickIdentifiers,
        boolean bracketIdentifiers,
        boolean atVariables,
        boolean delimiterDirective,
        boolean atomicBodiesOnly) {

    private static final Map<Dialect, LexMode> MODES = new EnumMap<>(Dialect.class);

    static {
        MODES.put(Dialect.POSTGRESQL, new LexMode(true, false, false, true, false, false, false, false, false, true));
        MODES.put(Dialect.MYSQL, new LexMode(false, true, true, false, true, true, false, true, true, false));
        MODES.put(Dialect.SQLITE, new LexMode(false, false, false, false, false, true, true, true, false, false));
        MODES.put(Dialect.GENERIC, new LexMode(false, false, false, false, false, true, true, true, false, false));
    }

    static LexMode of(Dialect dialect) {
        return MODES.get(dialect);
    }
}
