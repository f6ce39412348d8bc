package dev.mdb.runtime.sql;

import static dev.mdb.runtime.sql.StatementKind.LOCKING_READ;
import static dev.mdb.runtime.sql.StatementKind.READ;
import static dev.mdb.runtime.sql.StatementKind.SESSION;
import static dev.mdb.runtime.sql.StatementKind.WRITE;

import java.util.Set;

/**
 * Looks through a query-like statement ({@code SELECT}, {@code VALUES}, {@code TABLE}, {@code WITH}, the query of a
 * {@code DECLARE} or {@code COPY}, the expressions of a {@code SET}) at every parenthesis depth for what makes it more
 * than a read:
 *
 * <ul>
 *   <li>a parenthesised {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code MERGE} (a data-modifying CTE body)
 *       ⇒ {@link StatementKind#WRITE};
 *   <li>{@code INTO @var} ⇒ {@link StatementKind#SESSION}; {@code INTO OUTFILE/DUMPFILE} and {@code INTO table} ⇒
 *       {@link StatementKind#WRITE};
 *   <li>{@code FOR UPDATE}, {@code FOR NO KEY UPDATE}, {@code FOR SHARE}, {@code FOR KEY SHARE}, {@code LOCK IN SHARE
 *       MODE} ⇒ {@link StatementKind#LOCKING_READ};
 *   <li>{@code NEXT VALUE FOR seq} (and Oracle-style {@code seq.NEXTVAL} in the generic dialect) ⇒ {@link
 *       StatementKind#WRITE};
 *   <li>calls of the {@link FunctionRules} functions; MySQL {@code @x := value} ⇒ {@link StatementKind#SESSION}.
 * </ul>
 *
 * A parenthesised {@code WITH} is judged as a statement of its own by {@link StatementAnalyzer}.
 */
final class QueryScanner {

    static final Set<String> DATA_MODIFYING = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");

    private final StatementAnalyzer analyzer;
    private final FunctionRules functions;
    private final boolean assignments;
    private final boolean pseudoColumnSequences;

    QueryScanner(StatementAnalyzer analyzer, Dialect dialect, FunctionRules functions) {
        this.analyzer = analyzer;
        this.functions = functions;
        this.assignments = dialect == Dialect.MYSQL || dialect == Dialect.GENERIC;
        this.pseudoColumnSequences = dialect == Dialect.GENERIC;
    }

    /** The most severe finding in {@code [from, to)}, at least a {@link StatementKind#READ} with {@code verb}. */
    Classification scan(Tokens t, int from, int to, String verb, int nesting) {
        Classification result = Classification.of(READ, verb);
        for (int i = from; i < to; i++) {
            Token token = t.get(i);
            Classification found = null;
            if (token.isOperator("(")) {
                int close = Math.min(t.closing(i), to);
                int inner = t.skipOpenParentheses(i + 1, close);
                if (isDataModifying(t, inner)) {
                    boolean cte = t.isWord(i - 1, "AS") || t.isWord(i - 1, "MATERIALIZED");
                    found = new Classification(WRITE, t.word(inner), cte ? "via CTE" : "via data-modifying subquery");
                } else if (t.isWord(inner, "WITH")) {
                    found = analyzer.with(t, inner, close, nesting + 1);
                    i = close;
                }
            } else if (token.isOperator(":=") && assignments) {
                found = new Classification(SESSION, verb, "via := assignment");
            } else if (token.type() == Token.Type.WORD) {
                found = keyword(t, i, verb);
            }
            if (found == null && token.isName() && t.isOperator(i + 1, "(")) {
                Classification call = functions.call(t, i);
                found = call == null ? null : call.withVerb(verb);
            }
            result = Classification.mostSevere(result, found);
        }
        return result;
    }

    /** Whether an {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code MERGE} statement starts at {@code i}. */
    static boolean isDataModifying(Tokens t, int i) {
        Token next = t.get(i + 1);
        return t.isWordIn(i, DATA_MODIFYING) && next != null && next.isName();
    }

    private Classification keyword(Tokens t, int i, String verb) {
        return switch (t.word(i)) {
            case "INTO" -> into(t, i, verb);
            case "FOR" -> lockingClause(t, i, verb);
            case "LOCK" ->
                t.isSequence(i + 1, "IN", "SHARE", "MODE")
                        ? new Classification(LOCKING_READ, verb, "via LOCK IN SHARE MODE")
                        : null;
            case "NEXT" ->
                t.isSequence(i + 1, "VALUE", "FOR") ? new Classification(WRITE, verb, "via NEXT VALUE FOR") : null;
            case "NEXTVAL" ->
                pseudoColumnSequences && t.isOperator(i - 1, ".") && !t.isOperator(i + 1, "(")
                        ? new Classification(WRITE, verb, "via .NEXTVAL")
                        : null;
            default -> null;
        };
    }

    /** MySQL {@code INTO @var} sets a session variable; any other top-level {@code INTO} writes. */
    private static Classification into(Tokens t, int i, String verb) {
        Token target = t.get(i + 1);
        if (target != null && target.type() == Token.Type.VARIABLE) {
            return new Classification(SESSION, verb, "via INTO " + target.text());
        }
        if (t.isWord(i + 1, "OUTFILE") || t.isWord(i + 1, "DUMPFILE")) {
            return new Classification(WRITE, verb, "via INTO " + t.word(i + 1));
        }
        return new Classification(WRITE, verb, "via SELECT INTO");
    }

    private static Classification lockingClause(Tokens t, int i, String verb) {
        if (t.isWord(i - 1, "VALUE") && (t.isWord(i - 2, "NEXT") || t.isWord(i - 2, "PREVIOUS"))) {
            return null;
        }
        for (String[] clause : LOCKING_CLAUSES) {
            if (t.isSequence(i + 1, clause)) {
                return new Classification(LOCKING_READ, verb, "via FOR " + String.join(" ", clause));
            }
        }
        return null;
    }

    private static final String[][] LOCKING_CLAUSES = {
        {"UPDATE"}, {"NO", "KEY", "UPDATE"}, {"SHARE"}, {"KEY", "SHARE"},
    };
}
