package dev.mdb.config.internal;

import dev.mdb.config.JdbcUrls;
import java.util.regex.Pattern;

/** One piece of a database.yml template as {@link TemplateScanner} splits it, with its 1-based source line. */
sealed interface TemplateSegment {
    /** A single- or double-quoted Ruby string literal. */
    Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    /** The longest ERB expression quoted in a message. */
    int MAX_SHOWN = 200;

    int line();

    /** Literal text, copied to the output when in a taken branch. */
    record Text(String text, int line) implements TemplateSegment {}

    /**
     * An ERB tag: {@code kind} is {@code '='} (output), {@code '#'} (comment) or {@code ' '} (statement);
     * {@code content} is the Ruby between the delimiters, {@code raw} the whole tag as written.
     */
    record Tag(char kind, String content, String raw, int line, boolean onCommentLine, boolean onSecretLine)
            implements TemplateSegment {

        /**
         * The Ruby as shown in error messages: trimmed, URL passwords masked and, on a line such as
         * {@code password: <%= ... %>}, every string literal masked too. An expression longer than
         * {@link TemplateSegment#MAX_SHOWN} characters is not shown at all (cut short, it could end inside a password).
         */
        String shown() {
            String shown = content.strip();
            if (shown.length() > MAX_SHOWN) {
                return "(" + shown.length() + " characters, not shown)";
            }
            if (onSecretLine) {
                shown = STRING_LITERAL
                        .matcher(shown)
                        .replaceAll(m -> m.group().charAt(0) + "***" + m.group().charAt(0));
            }
            return JdbcUrls.redact(shown);
        }
    }

    /** {@code ${NAME}} or {@code ${NAME:-fallback}} ({@code fallback} null when absent). */
    record Placeholder(String name, String fallback, String raw, int line, boolean onCommentLine)
            implements TemplateSegment {}
}
