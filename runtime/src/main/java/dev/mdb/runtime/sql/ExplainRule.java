package dev.mdb.runtime.sql;

import static dev.mdb.runtime.sql.StatementKind.READ;
import static dev.mdb.runtime.sql.StatementKind.SESSION;

import java.util.Set;

/** {@code EXPLAIN} and its MySQL synonyms: a read unless it executes the statement it explains. */
final class ExplainRule {
    private static final Set<String> EXPLAIN_FLAGS = Set.of("VERBOSE", "EXTENDED", "PARTITIONS");
    private static final Set<String> ANALYZE = Set.of("ANALYZE", "ANALYSE");

    private ExplainRule() {}

    /**
     * {@code EXPLAIN}, MySQL's synonyms {@code DESCRIBE} and {@code DESC}: {@link StatementKind#READ} unless the
     * statement is executed ({@code ANALYZE} in either syntax), then the kind of the explained statement. SQLite's
     * {@code EXPLAIN} never executes.
     */
    static Classification explain(
            StatementAnalyzer analyzer, Dialect dialect, Tokens t, int start, int to, int nesting) {
        String verb = t.word(start);
        if (dialect == Dialect.SQLITE) {
            return Classification.of(READ, verb);
        }
        int i = start + 1;
        boolean analyze = false;
        boolean intoVariable = false;
        if (t.isOperator(i, "(") && !t.isWordIn(t.skipOpenParentheses(i, to), StatementAnalyzer.WITH_MAIN_VERBS)) {
            analyze = analyzeOption(t, i);
            i = t.closing(i) + 1;
        }
        while (i < to) {
            if (t.isWordIn(i, ANALYZE)) {
                analyze = true;
                i++;
            } else if (t.isWordIn(i, EXPLAIN_FLAGS)) {
                i++;
            } else if (t.isSequence(i, "QUERY", "PLAN")) {
                i += 2;
            } else if (t.isWord(i, "FORMAT")) {
                i += t.isOperator(i + 1, "=") ? 3 : 2;
            } else if (t.isWord(i, "INTO")
                    && t.get(i + 1) != null
                    && t.get(i + 1).type() == Token.Type.VARIABLE) {
                intoVariable = true;
                i += 2;
            } else {
                break;
            }
        }
        Classification result = Classification.of(READ, verb);
        if (analyze) {
            Classification explained = analyzer.statement(t, i, to, nesting + 1);
            if (explained != null) {
                result = explained.via("via EXPLAIN ANALYZE");
            }
        }
        return intoVariable
                ? Classification.mostSevere(result, new Classification(SESSION, verb, "via INTO @variable"))
                : result;
    }

    /** Whether a PostgreSQL option list {@code (ANALYZE, ...)} turns {@code ANALYZE} on. */
    private static boolean analyzeOption(Tokens t, int open) {
        int close = t.closing(open);
        int depth = t.depth(open) + 1;
        boolean on = false;
        for (int i = open + 1; i < close; i++) {
            boolean optionStart = i == open + 1 || t.isOperator(i - 1, ",");
            if (t.depth(i) == depth && optionStart && t.isWordIn(i, ANALYZE)) {
                Token value = t.get(i + 1);
                boolean bare = value == null || value.isOperator(",") || value.isOperator(")");
                on |= bare || !isFalsy(value);
            }
        }
        return on;
    }

    private static boolean isFalsy(Token value) {
        String text = Token.asciiUpper(value.text());
        return text.equals("FALSE") || text.equals("OFF") || text.equals("NO") || text.equals("0");
    }
}
