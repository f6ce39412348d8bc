package dev.mdb.runtime.sql;

/**
 * The SQL dialect a classifier lexes and judges statements in, and identifiers are quoted in. Each engine names its
 * own ({@code dev.mdb.runtime.engine.Engine#dialect()}).
 */
public enum Dialect {
    /** PostgreSQL (and PostGIS): nested comments, dollar quotes, {@code E''} strings. */
    POSTGRESQL,
    /** MySQL, MariaDB, Trilogy: backslash escapes, {@code #} comments, executable {@code /*!} comments. */
    MYSQL,
    /** SQLite: {@code []} and backtick identifiers, {@code PRAGMA}. */
    SQLITE,
    /** SQL read before an engine is known: standard SQL lexing, the union of the dialects' write functions. */
    GENERIC;

    /** {@code identifier} quoted for this dialect: {@code `x`} on MySQL, {@code "x"} elsewhere (quotes doubled). */
    public String quote(String identifier) {
        if (this == MYSQL) {
            return '`' + identifier.replace("`", "``") + '`';
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
