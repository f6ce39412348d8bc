package dev.mdb.config.internal;

/** One piece of a database.yml template as {@link TemplateScanner} splits it, with its 1-based source line. */
sealed interface TemplateSegment {

    int line();

    /** Literal text, copied to the output when in a taken branch. */
    record Text(String text, int line) implements TemplateSegment {}

    /**
     * An ERB tag: {@code kind} is {@code '='} (output), {@code '#'} (comment) or {@code ' '} (statement);
     * {@code content} is the Ruby between the delimiters, {@code raw} the whole tag as written.
     */
    record Tag(char kind, String content, String raw, int line, boolean onCommentLine) implements TemplateSegment {}

    /** {@code ${NAME}} or {@code ${NAME:-fallback}} ({@code fallback} null when absent). */
    record Placeholder(String name, String fallback, String raw, int line, boolean onCommentLine)
            implements TemplateSegment {}
}
