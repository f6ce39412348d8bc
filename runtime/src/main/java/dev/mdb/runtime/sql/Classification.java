package dev.mdb.runtime.sql;

import java.util.Objects;

/**
 * A {@link StatementKind} with the reason a classifier gave it, for error messages and logs.
 *
 * @param kind the kind of the statement (of the most severe statement in a multi-statement string)
 * @param verb the statement's effective verb in upper case, e.g. {@code DELETE} for {@code WITH d AS (DELETE ...)
 *     SELECT ...}; empty when nothing was found
 * @param detail how the kind was reached, e.g. {@code via CTE}, {@code via EXPLAIN ANALYZE}, {@code via function
 *     nextval}; empty for the plain leading-keyword rule
 */
public record Classification(StatementKind kind, String verb, String detail) {

    public Classification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(detail, "detail");
    }

    /** A classification found by the leading keyword alone. */
    public static Classification of(StatementKind kind, String verb) {
        return new Classification(kind, verb, "");
    }

    /** The more severe of two classifications ({@code a} on a tie); {@code null} stands for "nothing yet". */
    public static Classification mostSevere(Classification a, Classification b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.kind.severity() > a.kind.severity() ? b : a;
    }

    /** Whether a route that prevents writes refuses this statement. */
    public boolean refusedWhenPreventingWrites() {
        return kind.refusedWhenPreventingWrites();
    }

    /**
     * The house-style description, e.g. {@code DELETE (statement kind WRITE via CTE)} or {@code SET GLOBAL (statement
     * kind WRITE, server-wide)}.
     */
    public String describe() {
        StringBuilder out = new StringBuilder(verb.isEmpty() ? "statement" : verb);
        out.append(" (statement kind ").append(kind);
        if (!detail.isEmpty()) {
            out.append(detail.startsWith("via ") || detail.startsWith("after ") ? " " : ", ")
                    .append(detail);
        }
        return out.append(')').toString();
    }

    /** This classification with another verb. */
    Classification withVerb(String newVerb) {
        return new Classification(kind, newVerb, detail);
    }

    /** This classification with {@code more} appended to its detail. */
    Classification via(String more) {
        return new Classification(kind, verb, detail.isEmpty() ? more : detail + " " + more);
    }
}
