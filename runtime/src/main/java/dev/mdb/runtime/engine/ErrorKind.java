package dev.mdb.runtime.engine;

/** What an engine error means for mdb: the tasks turn these into messages and exit codes. */
public enum ErrorKind {
    /** The server cannot be reached (SQLState class 08 and the like). */
    UNREACHABLE,
    /** The server refused the credentials. */
    AUTHENTICATION,
    /** The database does not exist. */
    NO_DATABASE,
    /** The database already exists (CREATE DATABASE). */
    ALREADY_EXISTS,
    /** Anything else: a failing statement. */
    OTHER;

    /** The classes every engine shares: SQLState class 08 is unreachable, 28 is authentication, else other. */
    public static ErrorKind byStateClass(String sqlState) {
        if (sqlState != null && sqlState.startsWith("08")) {
            return UNREACHABLE;
        }
        if (sqlState != null && sqlState.startsWith("28")) {
            return AUTHENTICATION;
        }
        return OTHER;
    }
}
