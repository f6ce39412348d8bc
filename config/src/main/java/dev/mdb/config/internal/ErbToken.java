package dev.mdb.config.internal;

/** One token of an ERB expression: a literal, an identifier (may end in {@code ?}) or punctuation. */
record ErbToken(Kind kind, String text, Object value) {

    /** Token categories. */
    enum Kind {
        STRING,
        INTEGER,
        IDENTIFIER,
        PUNCTUATION,
        END
    }

    boolean is(String punctuationOrIdentifier) {
        return (kind == Kind.PUNCTUATION || kind == Kind.IDENTIFIER) && text.equals(punctuationOrIdentifier);
    }
}
