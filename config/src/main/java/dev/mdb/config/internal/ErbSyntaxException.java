package dev.mdb.config.internal;

/**
 * An ERB tag holds Ruby outside the subset mdb evaluates, or an expression over {@link ConfigLimits#MAX_ERB_TOKENS};
 * the caller turns it into a {@code ConfigException}.
 */
final class ErbSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean overLimit;

    ErbSyntaxException(String detail) {
        this(detail, false);
    }

    private ErbSyntaxException(String detail, boolean overLimit) {
        super(detail);
        this.overLimit = overLimit;
    }

    /** The expression has more tokens than {@link ConfigLimits#MAX_ERB_TOKENS}. */
    static ErbSyntaxException tooManyTokens() {
        return new ErbSyntaxException("more than " + ConfigLimits.MAX_ERB_TOKENS + " tokens", true);
    }

    /** Whether the expression was refused for its size rather than for its syntax. */
    boolean overLimit() {
        return overLimit;
    }
}
