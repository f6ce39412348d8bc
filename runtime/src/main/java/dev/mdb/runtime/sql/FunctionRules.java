package dev.mdb.runtime.sql;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Functions whose call changes what a query is: write functions make it a {@link StatementKind#WRITE}, advisory and
 * named locks a {@link StatementKind#LOCKING_READ} (a lock taken on a replica does not exclude anyone on the primary),
 * session-setting functions a {@link StatementKind#SESSION}. Names compare case-insensitively, by their last part when
 * schema-qualified; user-configured write functions also match their qualified spelling.
 */
final class FunctionRules {

    private static final Set<String> POSTGRESQL_WRITES = Set.of(
            "NEXTVAL",
            "SETVAL",
            "PG_NOTIFY",
            "LO_CREATE",
            "LO_CREAT",
            "LO_IMPORT",
            "LO_EXPORT",
            "LO_UNLINK",
            "LO_PUT",
            "LO_FROM_BYTEA",
            "LOWRITE",
            "LO_TRUNCATE",
            "DBLINK_EXEC",
            "PG_TERMINATE_BACKEND",
            "PG_RELOAD_CONF",
            "PG_SWITCH_WAL",
            "PG_CREATE_RESTORE_POINT",
            "PG_CREATE_LOGICAL_REPLICATION_SLOT",
            "PG_CREATE_PHYSICAL_REPLICATION_SLOT",
            "PG_DROP_REPLICATION_SLOT",
            "PG_REPLICATION_SLOT_ADVANCE",
            "PG_LOGICAL_SLOT_GET_CHANGES",
            "PG_LOGICAL_SLOT_GET_BINARY_CHANGES",
            "PG_STAT_RESET",
            "PG_STAT_STATEMENTS_RESET",
            "PG_FILE_WRITE",
            "PG_IMPORT_SYSTEM_COLLATIONS");
    private static final Set<String> POSTGRESQL_LOCKS = Set.of(
            "PG_ADVISORY_LOCK",
            "PG_ADVISORY_LOCK_SHARED",
            "PG_ADVISORY_XACT_LOCK",
            "PG_ADVISORY_XACT_LOCK_SHARED",
            "PG_TRY_ADVISORY_LOCK",
            "PG_TRY_ADVISORY_LOCK_SHARED",
            "PG_TRY_ADVISORY_XACT_LOCK",
            "PG_TRY_ADVISORY_XACT_LOCK_SHARED",
            "PG_ADVISORY_UNLOCK",
            "PG_ADVISORY_UNLOCK_SHARED",
            "PG_ADVISORY_UNLOCK_ALL");
    private static final Set<String> MYSQL_WRITES = Set.of("NEXTVAL", "SETVAL");
    private static final Set<String> MYSQL_LOCKS = Set.of("GET_LOCK", "RELEASE_LOCK", "RELEASE_ALL_LOCKS");
    private static final Set<String> SQLITE_WRITES = Set.of("LOAD_EXTENSION", "WRITEFILE");

    private final Set<String> writes = new HashSet<>();
    private final Set<String> locks = new HashSet<>();
    private final Set<String> extraWrites = new HashSet<>();
    private final boolean setConfig;
    private final boolean lastInsertId;

    FunctionRules(Dialect dialect, Set<String> extraWriteFunctions) {
        boolean postgresql = dialect == Dialect.POSTGRESQL || dialect == Dialect.GENERIC;
        boolean mysql = dialect == Dialect.MYSQL || dialect == Dialect.GENERIC;
        if (postgresql) {
            writes.addAll(POSTGRESQL_WRITES);
            locks.addAll(POSTGRESQL_LOCKS);
        }
        if (mysql) {
            writes.addAll(MYSQL_WRITES);
            locks.addAll(MYSQL_LOCKS);
        }
        if (dialect == Dialect.SQLITE || dialect == Dialect.GENERIC) {
            writes.addAll(SQLITE_WRITES);
        }
        for (String name : extraWriteFunctions) {
            extraWrites.add(Token.asciiUpper(name.trim()));
        }
        this.setConfig = postgresql;
        this.lastInsertId = mysql;
    }

    /**
     * The classification of the call whose name ends at {@code nameIndex} and whose {@code (} is at {@code
     * nameIndex + 1}, or {@code null} if the function is not special.
     */
    Classification call(Tokens tokens, int nameIndex) {
        String name = Token.asciiUpper(tokens.get(nameIndex).text());
        String display = name.toLowerCase(Locale.ROOT);
        if (writes.contains(name) || extraWrites.contains(name) || extraWrites.contains(qualified(tokens, nameIndex))) {
            return new Classification(StatementKind.WRITE, "", "via function " + display);
        }
        if (locks.contains(name)) {
            return new Classification(StatementKind.LOCKING_READ, "", "via lock function " + display);
        }
        int open = nameIndex + 1;
        if (lastInsertId && name.equals("LAST_INSERT_ID") && !tokens.isOperator(open + 1, ")")) {
            return new Classification(StatementKind.SESSION, "", "via function " + display);
        }
        if (setConfig && name.equals("SET_CONFIG")) {
            Token setting = tokens.get(open + 1);
            boolean guard = setting != null
                    && setting.type() == Token.Type.STRING
                    && SessionRules.isReadOnlySetting(Token.asciiUpper(setting.text()));
            if (guard && !SessionRules.isTruthy(tokens.get(argumentAfterFirstComma(tokens, open)))) {
                return new Classification(StatementKind.WRITE, "", "via set_config re-enabling writes");
            }
            return new Classification(StatementKind.SESSION, "", "via function " + display);
        }
        return null;
    }

    private static String qualified(Tokens tokens, int nameIndex) {
        StringBuilder name =
                new StringBuilder(Token.asciiUpper(tokens.get(nameIndex).text()));
        int i = nameIndex;
        while (tokens.isOperator(i - 1, ".")
                && tokens.get(i - 2) != null
                && tokens.get(i - 2).isName()) {
            name.insert(0, Token.asciiUpper(tokens.get(i - 2).text()) + ".");
            i -= 2;
        }
        return name.toString();
    }

    private static int argumentAfterFirstComma(Tokens tokens, int open) {
        int depth = tokens.depth(open) + 1;
        for (int i = open + 1; i < tokens.closing(open); i++) {
            if (tokens.isOperator(i, ",") && tokens.depth(i) == depth) {
                return i + 1;
            }
        }
        return -1;
    }
}
