package dev.mdb.runtime.sql;

import static dev.mdb.runtime.sql.StatementKind.READ;
import static dev.mdb.runtime.sql.StatementKind.SESSION;
import static dev.mdb.runtime.sql.StatementKind.TRANSACTION_CONTROL;
import static dev.mdb.runtime.sql.StatementKind.UNKNOWN;
import static dev.mdb.runtime.sql.StatementKind.WRITE;

import java.util.Locale;
import java.util.Set;

/**
 * Statements that change settings: {@code SET}, {@code RESET}, {@code DISCARD}, SQLite {@code PRAGMA}, and the
 * transaction-starting {@code BEGIN} / {@code START TRANSACTION}. Anything that switches the read-only session guard
 * (layer 2) back off, such as {@code READ WRITE} or {@code default_transaction_read_only = off}, is a {@link
 * StatementKind#WRITE}: a route that prevents writes must not be able to undo its own guard.
 */
final class SessionRules {

    private static final Set<String> READ_ONLY_SETTINGS = Set.of(
            "DEFAULT_TRANSACTION_READ_ONLY",
            "TRANSACTION_READ_ONLY",
            "TX_READ_ONLY",
            "READ_ONLY",
            "SUPER_READ_ONLY",
            "QUERY_ONLY");
    /** Words that may follow {@code BEGIN} when it starts a transaction rather than a procedural block. */
    private static final Set<String> BEGIN_MODES = Set.of(
            "WORK", "TRANSACTION", "TRAN", "ISOLATION", "READ", "DEFERRABLE", "DEFERRED", "IMMEDIATE", "EXCLUSIVE");

    private static final Set<String> SERVER_WIDE = Set.of("GLOBAL", "PERSIST", "PERSIST_ONLY");
    private static final Set<String> ADMINISTRATIVE_RESETS =
            Set.of("MASTER", "SLAVE", "REPLICA", "QUERY", "PERSIST", "BINARY");
    /** PRAGMAs that return information about their argument rather than set it. */
    private static final Set<String> QUERY_PRAGMAS = Set.of(
            "TABLE_INFO",
            "TABLE_XINFO",
            "TABLE_LIST",
            "INDEX_INFO",
            "INDEX_XINFO",
            "INDEX_LIST",
            "FOREIGN_KEY_LIST",
            "FOREIGN_KEY_CHECK",
            "INTEGRITY_CHECK",
            "QUICK_CHECK");
    /** PRAGMAs that write to the database file when merely invoked. */
    private static final Set<String> WRITING_PRAGMAS = Set.of("OPTIMIZE", "INCREMENTAL_VACUUM", "WAL_CHECKPOINT");
    /** PRAGMAs whose setting lasts only as long as the connection. */
    private static final Set<String> CONNECTION_PRAGMAS = Set.of(
            "ANALYSIS_LIMIT",
            "AUTOMATIC_INDEX",
            "BUSY_TIMEOUT",
            "CACHE_SIZE",
            "CACHE_SPILL",
            "CASE_SENSITIVE_LIKE",
            "CELL_SIZE_CHECK",
            "CHECKPOINT_FULLFSYNC",
            "COUNT_CHANGES",
            "DEFER_FOREIGN_KEYS",
            "FOREIGN_KEYS",
            "FULLFSYNC",
            "HARD_HEAP_LIMIT",
            "IGNORE_CHECK_CONSTRAINTS",
            "JOURNAL_SIZE_LIMIT",
            "LEGACY_ALTER_TABLE",
            "LOCKING_MODE",
            "MAX_PAGE_COUNT",
            "MMAP_SIZE",
            "READ_UNCOMMITTED",
            "RECURSIVE_TRIGGERS",
            "REVERSE_UNORDERED_SELECTS",
            "SECURE_DELETE",
            "SHRINK_MEMORY",
            "SOFT_HEAP_LIMIT",
            "SYNCHRONOUS",
            "TEMP_STORE",
            "THREADS",
            "TRUSTED_SCHEMA",
            "WAL_AUTOCHECKPOINT");

    private SessionRules() {}

    static Classification set(Tokens t, int start, int to) {
        if (t.isWord(start + 1, "PASSWORD") || t.isSequence(start + 1, "DEFAULT", "ROLE")) {
            return new Classification(WRITE, "SET", "changing an account");
        }
        int base = t.depth(start);
        for (int i = start + 1; i < to; i++) {
            Token token = t.get(i);
            if (token.depth() != base) {
                continue;
            }
            if (t.isWordIn(i, SERVER_WIDE)) {
                return new Classification(WRITE, "SET " + token.text(), "server-wide");
            }
            String name = token.text();
            if (token.type() == Token.Type.VARIABLE
                    && (name.startsWith("@@GLOBAL.")
                            || name.startsWith("@@PERSIST.")
                            || name.startsWith("@@PERSIST_ONLY."))) {
                return new Classification(WRITE, "SET " + name, "server-wide");
            }
            if (t.isSequence(i, "READ", "WRITE")) {
                return reenablesWrites("SET");
            }
            boolean assignment = t.isOperator(i + 1, "=") || t.isOperator(i + 1, ":=") || t.isWord(i + 1, "TO");
            if ((token.type() == Token.Type.WORD || token.type() == Token.Type.VARIABLE)
                    && assignment
                    && isReadOnlySetting(name)
                    && !isTruthy(t.get(i + 2))) {
                return reenablesWrites("SET");
            }
        }
        return Classification.of(SESSION, "SET");
    }

    static Classification reset(Tokens t, int start, Dialect dialect) {
        String what = t.word(start + 1);
        if (dialect == Dialect.MYSQL || ADMINISTRATIVE_RESETS.contains(what)) {
            return new Classification(WRITE, "RESET", "server administration");
        }
        if (what.equals("ALL") || isReadOnlySetting(what)) {
            return reenablesWrites("RESET");
        }
        return Classification.of(SESSION, "RESET");
    }

    static Classification discard(Tokens t, int start) {
        return t.isWord(start + 1, "ALL") ? reenablesWrites("DISCARD") : Classification.of(SESSION, "DISCARD");
    }

    /**
     * {@code BEGIN ...} and {@code START ...}. A {@code BEGIN} followed by anything but transaction modes opens a
     * procedural block (MariaDB {@code BEGIN NOT ATOMIC}, PL/SQL, T-SQL) and is {@link StatementKind#UNKNOWN}.
     */
    static Classification transactionStart(Tokens t, int start, int to) {
        String verb = t.word(start);
        if (verb.equals("START") && !t.isWord(start + 1, "TRANSACTION")) {
            return new Classification(WRITE, "START", "server administration");
        }
        boolean block = t.get(start + 1) != null
                && !t.isWordIn(start + 1, BEGIN_MODES)
                && !t.isSequence(start + 1, "NOT", "DEFERRABLE");
        if (verb.equals("BEGIN") && block) {
            return new Classification(UNKNOWN, "BEGIN", "compound statement");
        }
        for (int i = start + 1; i < to; i++) {
            if (t.isSequence(i, "READ", "WRITE")) {
                return reenablesWrites(verb);
            }
        }
        return Classification.of(TRANSACTION_CONTROL, verb);
    }

    /**
     * SQLite {@code PRAGMA [schema.]name [= value | (value)]}. Without a value it is a {@link StatementKind#READ}
     * (except {@code optimize}, {@code incremental_vacuum}, {@code wal_checkpoint}, which write). The informational
     * pragmas ({@code table_info(t)}, {@code index_list(t)}, {@code integrity_check}, ...) are reads with their
     * argument too. Setting a connection-scoped pragma ({@code foreign_keys}, {@code cache_size}, {@code
     * busy_timeout}, ...) is a {@link StatementKind#SESSION}; {@code query_only} is one only when turned on. Setting
     * anything else ({@code journal_mode}, {@code user_version}, {@code application_id}, {@code page_size}, {@code
     * auto_vacuum}, {@code schema_version}, {@code writable_schema}, unknown names) changes the database file for
     * every connection and is a {@link StatementKind#WRITE}.
     */
    static Classification pragma(Tokens t, int start, int to) {
        int name = start + 1;
        if (t.isOperator(name + 1, ".")) {
            name += 2;
        }
        Token nameToken = t.get(name);
        if (name >= to || nameToken == null || !nameToken.isName()) {
            return new Classification(UNKNOWN, "PRAGMA", "without a name");
        }
        String pragma = Token.asciiUpper(nameToken.text());
        String verb = "PRAGMA " + pragma.toLowerCase(Locale.ROOT);
        boolean hasValue = name + 1 < to && (t.isOperator(name + 1, "=") || t.isOperator(name + 1, "("));
        if (WRITING_PRAGMAS.contains(pragma)) {
            return new Classification(WRITE, verb, "writes the database file");
        }
        if (!hasValue || QUERY_PRAGMAS.contains(pragma)) {
            return Classification.of(READ, verb);
        }
        if (pragma.equals("QUERY_ONLY")) {
            return isTruthy(t.get(name + 2)) ? Classification.of(SESSION, verb) : reenablesWrites(verb);
        }
        if (CONNECTION_PRAGMAS.contains(pragma)) {
            return Classification.of(SESSION, verb);
        }
        return new Classification(WRITE, verb, "persistent setting");
    }

    /** Whether {@code upperCaseName} (possibly {@code @@session.x}) is a setting that makes the session read-only. */
    static boolean isReadOnlySetting(String upperCaseName) {
        String name = upperCaseName.startsWith("@@") ? upperCaseName.substring(2) : upperCaseName;
        if (name.startsWith("SESSION.")) {
            name = name.substring("SESSION.".length());
        } else if (name.startsWith("LOCAL.")) {
            name = name.substring("LOCAL.".length());
        }
        return READ_ONLY_SETTINGS.contains(name);
    }

    /** Whether a setting value means "on": {@code ON TRUE YES 1}, bare or quoted. */
    static boolean isTruthy(Token value) {
        if (value == null) {
            return false;
        }
        return switch (value.type()) {
            case WORD, STRING, NUMBER -> Set.of("ON", "TRUE", "YES", "1").contains(Token.asciiUpper(value.text()));
            default -> false;
        };
    }

    private static Classification reenablesWrites(String verb) {
        return new Classification(WRITE, verb, "re-enabling writes");
    }
}
