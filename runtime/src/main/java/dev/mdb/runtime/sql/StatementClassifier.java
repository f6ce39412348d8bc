package dev.mdb.runtime.sql;

import java.util.Collection;
import java.util.Set;

/**
 * Layer 1 of write prevention: tells from the SQL text alone whether a statement reads, writes, changes the schema,
 * controls the transaction or only changes the session. Implementations are thread-safe and cache their answers per
 * SQL string, so create one per data source (or use the shared {@link #forDialect(Dialect)} instances) and reuse it.
 *
 * <p>Two implementations ship: the strict classifier (the default, see {@link #forDialect(Dialect)}) and a
 * reproduction of Rails' leading-keyword allowlist for parity tests ({@link #rails(Dialect)}). A full SQL parser can
 * be plugged in behind this interface by implementing {@link #classify(String)}.
 */
public interface StatementClassifier {

    /** The kind of {@code sql}; for a multi-statement string the most severe kind of its statements. */
    StatementKind classify(String sql);

    /** The kind of {@code sql} with the verb and rule that decided it. */
    default Classification describe(String sql) {
        return Classification.of(classify(sql), "");
    }

    /**
     * The strict classifier for {@code dialect} with the default write functions and no read-only procedures. The
     * instance is shared per dialect (its cache too).
     *
     * <p>It lexes comments, quoted strings and identifiers and dollar quotes, splits at top-level {@code ;} and
     * judges each statement by its leading keyword plus the cases where Rails' allowlist is wrong: data-modifying
     * CTEs, {@code EXPLAIN ANALYZE}, {@code SELECT ... INTO}, locking clauses and calls to write functions.
     * Statements it does not recognise are {@link StatementKind#UNKNOWN}. Lexing assumes the servers' default
     * settings: {@code standard_conforming_strings = on} in PostgreSQL, no {@code NO_BACKSLASH_ESCAPES} or {@code
     * ANSI_QUOTES} in MySQL's {@code sql_mode}.
     */
    static StatementClassifier forDialect(Dialect dialect) {
        return SharedClassifiers.STRICT.get(dialect);
    }

    /**
     * A strict classifier with extra write functions ({@code mdb.write_functions}: calls to them make a statement a
     * {@link StatementKind#WRITE}) and read-only procedures ({@code mdb.read_only_procedures}: {@code CALL} of them is
     * a {@link StatementKind#READ} instead of {@link StatementKind#UNKNOWN}). Names match case-insensitively, either
     * bare or schema-qualified as written in the SQL.
     */
    static StatementClassifier forDialect(
            Dialect dialect, Collection<String> extraWriteFunctions, Collection<String> readOnlyProcedures) {
        return new StrictClassifier(dialect, Set.copyOf(extraWriteFunctions), Set.copyOf(readOnlyProcedures));
    }

    /**
     * Rails' allowlist for {@code dialect}, exactly: a statement is a read if, after any mix of whitespace, {@code
     * (}, {@code /* ... *}{@code /} and {@code -- ...\n}, it starts case-insensitively with one of {@code begin
     * commit explain release rollback savepoint select with}, plus {@code close declare fetch move set show}
     * (PostgreSQL), {@code desc describe set show use} (MySQL) or {@code pragma} (SQLite); there is no word
     * boundary. Matches are {@link StatementKind#READ}, {@link StatementKind#TRANSACTION_CONTROL} or {@link
     * StatementKind#SESSION} by keyword; everything else is {@link StatementKind#WRITE}.
     */
    static StatementClassifier rails(Dialect dialect) {
        return SharedClassifiers.RAILS.get(dialect);
    }
}
