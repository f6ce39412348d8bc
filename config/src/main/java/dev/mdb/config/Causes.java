package dev.mdb.config;

import java.sql.SQLException;

/**
 * The cause part of an {@code mdb:} line, never empty: the first non-blank line of an exception's message (the
 * final period dropped, as the caller goes on with ". Next step"), else its type and SQLState, and the cause it
 * wraps. Passwords are the caller's to mask.
 */
public final class Causes {
    private Causes() {}

    public static String of(Throwable e) {
        String message = firstLine(e.getMessage());
        if (message.isEmpty()) {
            StringBuilder described = new StringBuilder(e.getClass().getSimpleName());
            if (e instanceof SQLException sql && sql.getSQLState() != null) {
                described.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
            Throwable cause = e.getCause();
            if (cause != null && cause != e) {
                described.append(": ").append(of(cause));
            }
            return described.toString();
        }
        return message;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        for (String line : message.split("\\R", -1)) {
            String trimmed = line.strip();
            while (trimmed.endsWith(".")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
            }
            if (!trimmed.isEmpty()) {
                return trimmed;
            }
        }
        return "";
    }
}
