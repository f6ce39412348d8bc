package dev.mdb.runtime.sql;

import static dev.mdb.runtime.sql.StatementKind.DDL;
import static dev.mdb.runtime.sql.StatementKind.READ;
import static dev.mdb.runtime.sql.StatementKind.SESSION;
import static dev.mdb.runtime.sql.StatementKind.TRANSACTION_CONTROL;
import static dev.mdb.runtime.sql.StatementKind.UNKNOWN;
import static dev.mdb.runtime.sql.StatementKind.WRITE;

import java.util.List;
import java.util.Set;

/** Judges one statement by its leading keyword, with real handling for {@code WITH}, {@code EXPLAIN} and friends. */
final class StatementAnalyzer {

    private static final int MAX_NESTING = 32;
    private static final Set<String> DDL_VERBS = Set.of(
            "CREATE",
            "ALTER",
            "DROP",
            "TRUNCATE",
            "RENAME",
            "COMMENT",
            "GRANT",
            "REVOKE",
            "SECURITY",
            "REASSIGN",
            "IMPORT",
            "INSTALL",
            "UNINSTALL");
    private static final Set<String> WRITE_VERBS = Set.of(
            "INSERT",
            "UPDATE",
            "DELETE",
            "MERGE",
            "REPLACE",
            "UPSERT",
            "LOCK",
            "VACUUM",
            "ANALYZE",
            "ANALYSE",
            "REINDEX",
            "CLUSTER",
            "REFRESH",
            "LISTEN",
            "NOTIFY",
            "LOAD",
            "CHECKPOINT",
            "OPTIMIZE",
            "REPAIR",
            "FLUSH",
            "KILL",
            "PURGE",
            "CHANGE",
            "STOP",
            "SHUTDOWN",
            "RESTART",
            "ATTACH",
            "BINLOG",
            "CACHE");
    private static final Set<String> SESSION_VERBS =
            Set.of("USE", "FETCH", "MOVE", "CLOSE", "DEALLOCATE", "UNLISTEN", "DETACH", "UNLOCK");
    private static final Set<String> TRANSACTION_VERBS =
            Set.of("COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "ABORT", "XA");
    private static final Set<String> READ_VERBS = Set.of("SHOW", "HELP", "CHECKSUM");
    private static final Set<String> QUERY_VERBS = Set.of("SELECT", "VALUES", "TABLE");
    static final Set<String> WITH_MAIN_VERBS =
            Set.of("SELECT", "VALUES", "TABLE", "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE");

    private final Dialect dialect;
    private final QueryScanner scanner;
    private final Set<String> readOnlyProcedures;

    StatementAnalyzer(Dialect dialect, FunctionRules functions, Set<String> readOnlyProcedures) {
        this.dialect = dialect;
        this.scanner = new QueryScanner(this, dialect, functions);
        this.readOnlyProcedures = readOnlyProcedures;
    }

    /** The classification of one lexed statement, or {@code null} if it holds nothing but parentheses. */
    Classification analyze(List<Token> tokens) {
        Tokens t = new Tokens(tokens);
        return statement(t, 0, t.size(), 0);
    }

    Classification statement(Tokens t, int from, int to, int nesting) {
        if (nesting > MAX_NESTING) {
            return new Classification(UNKNOWN, "", "nested too deeply");
        }
        int start = t.skipOpenParentheses(from, to);
        if (start >= to) {
            return null;
        }
        if (t.isOperator(start, "{")) {
            return jdbcEscape(t, start, to, nesting);
        }
        String verb = t.word(start);
        if (QUERY_VERBS.contains(verb)) {
            return scanner.scan(t, start, to, verb, nesting);
        }
        return switch (verb) {
            case "" -> new Classification(UNKNOWN, "", "unrecognised statement");
            case "WITH" -> with(t, start, to, nesting);
            case "EXPLAIN", "DESCRIBE", "DESC" -> ExplainRule.explain(this, dialect, t, start, to, nesting);
            case "PRAGMA" -> SessionRules.pragma(t, start, to);
            case "BEGIN", "START" -> SessionRules.transactionStart(t, start, to);
            case "PREPARE" ->
                Classification.of(t.isWord(start + 1, "TRANSACTION") ? TRANSACTION_CONTROL : SESSION, verb);
            case "SET" ->
                Classification.mostSevere(SessionRules.set(t, start, to), scanner.scan(t, start, to, verb, nesting));
            case "RESET" -> SessionRules.reset(t, start, dialect);
            case "DISCARD" -> SessionRules.discard(t, start);
            case "DECLARE" ->
                Classification.mostSevere(Classification.of(SESSION, verb), scanner.scan(t, start, to, verb, nesting));
            case "COPY" -> copy(t, start, to, nesting);
            case "CALL" -> call(t, start, to, nesting);
            case "DO" ->
                dialect == Dialect.MYSQL
                        ? scanner.scan(t, start, to, verb, nesting)
                        : new Classification(UNKNOWN, verb, "anonymous code block");
            case "EXEC", "EXECUTE" -> new Classification(UNKNOWN, verb, "runs a prepared statement or procedure");
            default -> byVerb(verb);
        };
    }

    private static Classification byVerb(String verb) {
        if (READ_VERBS.contains(verb)) {
            return Classification.of(READ, verb);
        }
        if (TRANSACTION_VERBS.contains(verb)) {
            return Classification.of(TRANSACTION_CONTROL, verb);
        }
        if (SESSION_VERBS.contains(verb)) {
            return Classification.of(SESSION, verb);
        }
        if (DDL_VERBS.contains(verb)) {
            return Classification.of(DDL, verb);
        }
        if (WRITE_VERBS.contains(verb)) {
            return Classification.of(WRITE, verb);
        }
        return new Classification(UNKNOWN, verb, "unrecognised statement");
    }

    /**
     * {@code WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (body), ... main}: a data-modifying main
     * statement makes it a write; otherwise the whole text is scanned, which finds data-modifying bodies.
     */
    Classification with(Tokens t, int start, int to, int nesting) {
        if (nesting > MAX_NESTING) {
            return new Classification(UNKNOWN, "WITH", "nested too deeply");
        }
        int base = t.depth(start);
        int main = -1;
        for (int i = start + 1; i < to && main < 0; i++) {
            if (t.depth(i) != base) {
                continue;
            }
            if (t.isOperator(i, "(")) {
                int close = t.closing(i);
                boolean body = t.isWord(i - 1, "AS") || t.isWord(i - 1, "MATERIALIZED");
                if (!body && !t.isWord(close + 1, "AS")) {
                    main = t.skipOpenParentheses(i, to); // a parenthesised main query
                }
                i = close;
            } else if (t.isWordIn(i, WITH_MAIN_VERBS) && !isCteName(t, i)) {
                main = i;
            }
        }
        if (main < 0 || main >= to) {
            return new Classification(UNKNOWN, "WITH", "without a main statement");
        }
        String mainVerb = t.word(main);
        if (QUERY_VERBS.contains(mainVerb) || mainVerb.equals("WITH")) {
            return scanner.scan(t, start, to, "WITH", nesting);
        }
        if (WITH_MAIN_VERBS.contains(mainVerb)) {
            return new Classification(WRITE, mainVerb, "after WITH");
        }
        return new Classification(UNKNOWN, "WITH", "without a main statement");
    }

    private static boolean isCteName(Tokens t, int i) {
        return t.isWord(i + 1, "AS") || (t.isOperator(i + 1, "(") && t.isWord(t.closing(i + 1) + 1, "AS"));
    }

    /** {@code COPY ... FROM} writes; {@code COPY ... TO STDOUT} reads; {@code TO 'file'} and {@code TO PROGRAM} write. */
    private Classification copy(Tokens t, int start, int to, int nesting) {
        int base = t.depth(start);
        for (int i = start + 1; i < to; i++) {
            if (t.depth(i) != base) {
                continue;
            }
            if (t.isWord(i, "FROM")) {
                return new Classification(WRITE, "COPY", "via COPY FROM");
            }
            if (t.isWord(i, "TO")) {
                Classification direction = t.isWord(i + 1, "STDOUT")
                        ? Classification.of(READ, "COPY")
                        : new Classification(
                                WRITE,
                                "COPY",
                                t.isWord(i + 1, "PROGRAM") ? "via COPY TO PROGRAM" : "via COPY TO a server file");
                return Classification.mostSevere(direction, scanner.scan(t, start, to, "COPY", nesting));
            }
        }
        return new Classification(UNKNOWN, "COPY", "without FROM or TO");
    }

    /** {@code CALL p(...)}: {@link StatementKind#UNKNOWN} unless {@code p} is a configured read-only procedure. */
    private Classification call(Tokens t, int start, int to, int nesting) {
        StringBuilder qualified = new StringBuilder();
        String bare = "";
        int i = start + 1;
        while (t.get(i) != null && t.get(i).isName()) {
            bare = Token.asciiUpper(t.get(i).text());
            qualified.append(qualified.length() == 0 ? "" : ".").append(bare);
            if (!t.isOperator(i + 1, ".")) {
                i++;
                break;
            }
            i += 2;
        }
        if (!bare.isEmpty()
                && (readOnlyProcedures.contains(bare) || readOnlyProcedures.contains(qualified.toString()))) {
            return Classification.mostSevere(
                    new Classification(READ, "CALL", "read-only procedure"), scanner.scan(t, i, to, "CALL", nesting));
        }
        return new Classification(UNKNOWN, "CALL", "procedure call");
    }

    /** JDBC escapes {@code {call p(?)}} and {@code {? = call f(?)}}. */
    private Classification jdbcEscape(Tokens t, int start, int to, int nesting) {
        for (int i = start + 1; i < to && !t.isOperator(i, "}"); i++) {
            if (t.isWord(i, "CALL")) {
                return call(t, i, to, nesting);
            }
        }
        return new Classification(UNKNOWN, "{", "JDBC escape");
    }
}
