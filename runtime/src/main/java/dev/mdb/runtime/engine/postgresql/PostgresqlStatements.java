package dev.mdb.runtime.engine.postgresql;

import dev.mdb.runtime.sql.Dialect;
import dev.mdb.runtime.sql.SqlWords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Which PostgreSQL statements refuse to run inside a transaction block, and what a failed one leaves behind. The
 * rules, from the PostgreSQL 15 documentation: {@code CREATE INDEX CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY},
 * {@code REINDEX … CONCURRENTLY} and {@code REINDEX SCHEMA|DATABASE|SYSTEM}, {@code VACUUM}, {@code CREATE|DROP
 * DATABASE}, {@code CREATE|DROP TABLESPACE}, {@code ALTER SYSTEM}, {@code CREATE|DROP SUBSCRIPTION}, {@code CLUSTER}
 * without a table, {@code DISCARD ALL}, and before PostgreSQL 12 {@code ALTER TYPE … ADD VALUE}.
 */
final class PostgresqlStatements {
    private PostgresqlStatements() {}

    static boolean runsOutsideTransactions(String statement, int serverMajorVersion) {
        List<String> w = SqlWords.of(statement, Dialect.POSTGRESQL);
        if (w.isEmpty()) {
            return false;
        }
        return switch (w.get(0)) {
            case "CREATE" -> concurrentIndex(w) || at(w, 1, "DATABASE", "TABLESPACE", "SUBSCRIPTION");
            case "DROP" -> concurrentIndex(w) || at(w, 1, "DATABASE", "TABLESPACE", "SUBSCRIPTION");
            case "REINDEX" ->
                w.contains("CONCURRENTLY") || w.contains("SCHEMA") || w.contains("DATABASE") || w.contains("SYSTEM");
            case "VACUUM" -> true;
            case "ALTER" ->
                at(w, 1, "SYSTEM") || (serverMajorVersion > 0 && serverMajorVersion < 12 && addsEnumValue(w));
            case "CLUSTER" -> w.size() == 1 || (w.size() == 2 && w.get(1).equals(";"));
            case "DISCARD" -> at(w, 1, "ALL");
            default -> false;
        };
    }

    /** {@code CREATE [UNIQUE] INDEX CONCURRENTLY} or {@code DROP INDEX CONCURRENTLY}. */
    private static boolean concurrentIndex(List<String> w) {
        int i = at(w, 1, "UNIQUE") ? 2 : 1;
        return at(w, i, "INDEX") && at(w, i + 1, "CONCURRENTLY");
    }

    private static boolean addsEnumValue(List<String> w) {
        if (!at(w, 1, "TYPE")) {
            return false;
        }
        for (int i = 2; i + 1 < w.size(); i++) {
            if (w.get(i).equals("ADD") && w.get(i + 1).equals("VALUE")) {
                return true;
            }
        }
        return false;
    }

    private static boolean at(List<String> w, int i, String... words) {
        if (i >= w.size()) {
            return false;
        }
        for (String word : words) {
            if (w.get(i).equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** The INVALID index a failed {@code CREATE INDEX CONCURRENTLY} leaves, and what to do; null when there is none. */
    static String leftoverAfterFailure(Connection connection, String statement) throws SQLException {
        List<String> w = SqlWords.of(statement, Dialect.POSTGRESQL);
        int i = at(w, 1, "UNIQUE") ? 2 : 1;
        if (!at(w, 0, "CREATE") || !at(w, i, "INDEX") || !at(w, i + 1, "CONCURRENTLY")) {
            return null;
        }
        int name = i + 2;
        if (at(w, name, "IF") && at(w, name + 1, "NOT") && at(w, name + 2, "EXISTS")) {
            name += 3;
        }
        if (name >= w.size() || w.get(name).equals("ON")) {
            return null;
        }
        String index = w.get(name);
        if (name + 2 < w.size() && w.get(name + 1).equals(".")) {
            index = w.get(name + 2);
        }
        String sql = "SELECT n.nspname, c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT i.indisvalid AND c.relname IN (?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, index);
            ps.setString(2, index.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String qualified = '"' + rs.getString(1) + "\".\"" + rs.getString(2) + '"';
                return "the failed build left index " + qualified + " INVALID (it is not used, but its upkeep slows"
                        + " writes): drop it with DROP INDEX CONCURRENTLY " + qualified
                        + "; then run the migration again";
            }
        }
    }
}
