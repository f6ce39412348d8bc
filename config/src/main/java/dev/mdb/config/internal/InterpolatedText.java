package dev.mdb.config.internal;

import java.util.Arrays;

/**
 * The YAML text produced by interpolation, with the source line each output line came from, so that a YAML error
 * points at the line of the file the user wrote (trimmed tags and skipped branches shift lines). At most
 * {@link ConfigLimits#MAX_INTERPOLATED_CHARS} characters (inserted values can make it longer than the file) in lines
 * of at most {@link ConfigLimits#MAX_LINE_CHARS}.
 */
final class InterpolatedText {
    private final String source;
    private final StringBuilder text = new StringBuilder();
    private int[] sourceLines = new int[64];
    private int lines;
    private int lineLength;
    private boolean atLineStart = true;
    private boolean lineHasContent;
    private int lastSourceLine = 1;

    /** {@code source} names the file in error messages. */
    InterpolatedText(String source) {
        this.source = source;
    }

    /** Appends template text that starts on {@code startLine}; its newlines advance the source line. */
    void appendSource(String chunk, int startLine) {
        append(chunk, startLine, true);
    }

    /** Appends an interpolated value; all of it is attributed to the tag's {@code line}. */
    void appendValue(String value, int line) {
        append(value, line, false);
    }

    private void append(String chunk, int startLine, boolean newlinesAdvance) {
        if (text.length() + chunk.length() > ConfigLimits.MAX_INTERPOLATED_CHARS) {
            throw ConfigLimits.exceeded(
                    source + ":" + startLine,
                    "the text after ERB and ${X} interpolation",
                    ConfigLimits.MAX_INTERPOLATED_CHARS + " characters",
                    "Check the values of the environment variables the file inserts.");
        }
        int current = startLine;
        int from = 0;
        while (from < chunk.length()) {
            int newline = chunk.indexOf('\n', from);
            int to = newline < 0 ? chunk.length() : newline + 1;
            appendLine(chunk, from, to, current);
            if (newline >= 0 && newlinesAdvance) {
                current++;
            }
            from = to;
        }
    }

    /** Appends {@code chunk[from, to)}, which holds no line feed except perhaps its last character. */
    private void appendLine(String chunk, int from, int to, int sourceLine) {
        if (atLineStart) {
            if (lines == sourceLines.length) {
                sourceLines = Arrays.copyOf(sourceLines, lines * 2);
            }
            sourceLines[lines++] = sourceLine;
            atLineStart = false;
            lineHasContent = false;
            lineLength = 0;
        }
        if (!lineHasContent && hasContent(chunk, from, to)) {
            // A line's number is where its content starts, not its indentation (trimmed tags join lines).
            sourceLines[lines - 1] = sourceLine;
            lineHasContent = true;
        }
        atLineStart = chunk.charAt(to - 1) == '\n';
        lineLength += to - from - (atLineStart ? 1 : 0);
        if (lineLength > ConfigLimits.MAX_LINE_CHARS) {
            throw ConfigLimits.exceeded(
                    source + ":" + sourceLines[lines - 1],
                    "a line",
                    ConfigLimits.MAX_LINE_CHARS + " characters",
                    "Break it up: a long value can be a folded (>) or literal (|) block.");
        }
        text.append(chunk, from, to);
        lastSourceLine = sourceLine;
    }

    private static boolean hasContent(String chunk, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = chunk.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    String text() {
        return text.toString();
    }

    /** The 1-based source line of the 1-based output line {@code outputLine}. */
    int sourceLine(int outputLine) {
        if (outputLine >= 1 && outputLine <= lines) {
            return sourceLines[outputLine - 1];
        }
        return atLineStart && lines > 0 ? lastSourceLine + 1 : lastSourceLine;
    }
}
