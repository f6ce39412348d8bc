package dev.mdb.config.internal;

/** An ERB tag holds Ruby outside the subset mdb evaluates; the caller turns it into a {@code ConfigException}. */
final class ErbSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    ErbSyntaxException(String detail) {
        super(detail);
    }
}
