package dev.mdb.runtime.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The default classifier: lexes the text, judges each statement with a {@link StatementAnalyzer} and returns the most
 * severe result. A text with no statement at all (empty, blank, only comments or {@code ;}) is a {@link
 * StatementKind#READ}: nothing is executed.
 */
final class StrictClassifier implements StatementClassifier {
    private final Dialect dialect;
    private final StatementAnalyzer analyzer;
    private final ClassificationCache cache = new ClassificationCache(ClassificationCache.DEFAULT_CAPACITY);

    StrictClassifier(Dialect dialect, Set<String> extraWriteFunctions, Set<String> readOnlyProcedures) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        Set<String> procedures = new HashSet<>();
        for (String procedure : readOnlyProcedures) {
            procedures.add(Token.asciiUpper(procedure.trim()));
        }
        this.analyzer =
                new StatementAnalyzer(dialect, new FunctionRules(dialect, extraWriteFunctions), Set.copyOf(procedures));
    }

    @Override
    public StatementKind classify(String sql) {
        return describe(sql).kind();
    }

    @Override
    public Classification describe(String sql) {
        Objects.requireNonNull(sql, "sql");
        return cache.get(sql, this::compute);
    }

    private Classification compute(String sql) {
        Classification result = null;
        for (List<Token> statement : Tokens.statements(sql, dialect)) {
            result = Classification.mostSevere(result, analyzer.analyze(statement));
        }
        return result != null ? result : new Classification(StatementKind.READ, "", "no statement");
    }

    int cacheSize() {
        return cache.size();
    }

    @Override
    public String toString() {
        return "StatementClassifier[strict, " + dialect + "]";
    }
}
