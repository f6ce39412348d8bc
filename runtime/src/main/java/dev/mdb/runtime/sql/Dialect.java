package dev.mdb.runtime.sql;

import java.util.Locale;

/** The SQL dialect a classifier lexes and judges statements in, chosen from a database.yml {@code adapter}. */
public enum Dialect {
    /** PostgreSQL (and PostGIS): nested comments, dollar quotes, {@code E''} strings. */
    POSTGRESQL,
    /** MySQL, MariaDB, Trilogy: backslash escapes, {@code #} comments, executable {@code /*!} comments. */
    MYSQL,
    /** SQLite: {@code []} and backtick identifiers, {@code PRAGMA}. */
    SQLITE,
    /** Any other adapter: standard SQL lexing, the union of the dialects' write functions. */
    GENERIC;

    /**
     * The dialect for a database.yml adapter name, case-insensitively: {@code postgresql}, {@code postgres}, {@code
     * postgis} are {@link #POSTGRESQL}; {@code mysql2}, {@code mysql}, {@code trilogy}, {@code mariadb} are {@link
     * #MYSQL}; {@code sqlite3}, {@code sqlite} are {@link #SQLITE}; anything else, including {@code null}, is {@link
     * #GENERIC}.
     */
    public static Dialect forAdapter(String adapter) {
        if (adapter == null) {
            return GENERIC;
        }
        return switch (adapter.trim().toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "postgis" -> POSTGRESQL;
            case "mysql2", "mysql", "trilogy", "mariadb" -> MYSQL;
            case "sqlite3", "sqlite" -> SQLITE;
            default -> GENERIC;
        };
    }
}
