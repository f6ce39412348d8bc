package dev.mdb.config.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The YAML text produced by interpolation, with the source line each output line came from, so that a YAML error
 * points at the line of the file the user wrote (trimmed tags and skipped branches shift lines).
 */
final class InterpolatedText {
    private final StringBuilder text = new StringBuilder();
    private final List<Integer> sourceLines = new ArrayList<>();
    private boolean atLineStart = true;
    private boolean lineHasContent;
    private int lastSourceLine = 1;

    /** Appends template text that starts on {@code startLine}; its newlines advance the source line. */
    void appendSource(String chunk, int startLine) {
        int current = startLine;
        for (int i = 0; i < chunk.length(); i++) {
            append(chunk.charAt(i), current);
            if (chunk.charAt(i) == '\n') {
                current++;
            }
        }
    }

    /** Appends an interpolated value; all of it is attributed to the tag's {@code line}. */
    void appendValue(String value, int line) {
        for (int i = 0; i < value.length(); i++) {
            append(value.charAt(i), line);
        }
    }

    private void append(char c, int sourceLine) {
        if (atLineStart) {
            sourceLines.add(sourceLine);
            atLineStart = false;
            lineHasContent = false;
        }
        if (!lineHasContent && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            // A line's number is where its content starts, not its indentation (trimmed tags join lines).
            sourceLines.set(sourceLines.size() - 1, sourceLine);
            lineHasContent = true;
        }
        text.append(c);
        lastSourceLine = sourceLine;
        if (c == '\n') {
            atLineStart = true;
        }
    }

    String text() {
        return text.toString();
    }

    /** The 1-based source line of the 1-based output line {@code outputLine}. */
    int sourceLine(int outputLine) {
        if (outputLine >= 1 && outputLine <= sourceLines.size()) {
            return sourceLines.get(outputLine - 1);
        }
        return atLineStart && !sourceLines.isEmpty() ? lastSourceLine + 1 : lastSourceLine;
    }
}
