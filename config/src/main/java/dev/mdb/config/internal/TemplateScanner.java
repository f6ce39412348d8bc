package dev.mdb.config.internal;

import dev.mdb.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits raw database.yml text into {@link TemplateSegment}s: literal text, ERB tags ({@code <% %>}, {@code <%= %>},
 * {@code <%# %>}, with the {@code <%-}/{@code -%>} trim forms and {@code <%%} for a literal {@code <%}) and
 * {@code ${X}} placeholders, keeping the source line of each. One pass, linear in the length of the text however long
 * its lines: what a tag needs to know about its line (a comment? the value of a secret key?) is found without
 * rescanning the line for every tag. At most {@link ConfigLimits#MAX_TEMPLATE_TAGS} tags and placeholders.
 */
final class TemplateScanner {
    /** Key names whose values are masked in messages ({@code password:}, {@code db_secret_key:} ...). */
    private static final List<String> SECRET_WORDS =
            List.of("password", "passwd", "pwd", "secret", "token", "credential");

    private final String src;
    private final String source;
    private final List<TemplateSegment> segments = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int textLine = 1;
    private int pos;
    private int line = 1;
    /** Where the current line starts: after the last line feed read. */
    private int lineStart;

    private int tags;
    /** The line start for which {@link #firstContent} was found: it is looked for once per line. */
    private int firstContentLineStart = -1;
    /** The first non-whitespace character of that line, or the tag the search reached first. */
    private int firstContent;
    /** The first closing brace or line break at or after where a placeholder fallback last searched from. */
    private int fallbackStop = -1;

    private TemplateScanner(String src, String source) {
        this.src = src;
        this.source = source;
    }

    /** Scans {@code src}; {@code source} names the file in error messages. */
    static List<TemplateSegment> scan(String src, String source) {
        return new TemplateScanner(src, source).run();
    }

    private List<TemplateSegment> run() {
        while (pos < src.length()) {
            int special = nextSpecial(pos);
            if (special > pos) {
                appendText(pos, special);
                pos = special;
            } else if (src.charAt(pos) == '\n') {
                appendText(pos, pos + 1);
                newLine(pos + 1);
            } else if (src.startsWith("<%%", pos)) {
                appendText(pos, pos + 2);
                pos += 3;
            } else if (src.startsWith("<%", pos)) {
                tag();
            } else if (src.startsWith("${", pos)) {
                placeholder();
            } else {
                appendText(pos, pos + 1);
                pos++;
            }
        }
        flushText();
        return segments;
    }

    /** The first {@code <}, {@code $} or line feed at or after {@code from}, or the end of the text. */
    private int nextSpecial(int from) {
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '<' || c == '$' || c == '\n') {
                return i;
            }
        }
        return src.length();
    }

    private void newLine(int next) {
        pos = next;
        line++;
        lineStart = next;
    }

    private void appendText(int from, int to) {
        if (text.length() == 0) {
            textLine = line;
        }
        text.append(src, from, to);
    }

    private void flushText() {
        if (text.length() > 0) {
            segments.add(new TemplateSegment.Text(text.toString(), textLine));
            text.setLength(0);
        }
    }

    private void countTag() {
        if (++tags > ConfigLimits.MAX_TEMPLATE_TAGS) {
            throw ConfigLimits.exceeded(
                    source + ":" + line,
                    "the number of ERB tags and ${X} placeholders",
                    ConfigLimits.MAX_TEMPLATE_TAGS + " per file",
                    "Share repeated settings with a YAML anchor (<<: *default) instead of repeating ERB.");
        }
    }

    private void tag() {
        countTag();
        int start = pos;
        int close = src.indexOf("%>", start + 2);
        if (close < 0) {
            throw new ConfigException(source + ":" + line + ": ERB tag '<%' is not closed by '%>'.");
        }
        String inner = src.substring(start + 2, close);
        boolean trimLeft = inner.startsWith("-");
        if (trimLeft) {
            inner = inner.substring(1);
            trimIndentation(start);
        }
        char kind = inner.startsWith("=") || inner.startsWith("#") ? inner.charAt(0) : ' ';
        if (kind != ' ') {
            inner = inner.substring(1);
        }
        boolean trimRight = inner.endsWith("-");
        if (trimRight) {
            inner = inner.substring(0, inner.length() - 1);
        }
        boolean onCommentLine = onCommentLine(start);
        boolean onSecretLine = onSecretLine(start);
        flushText();
        int tagLine = line;
        advancePast(start, close + 2);
        segments.add(new TemplateSegment.Tag(
                kind, inner, src.substring(start, close + 2), tagLine, onCommentLine, onSecretLine));
        if (trimRight) {
            skipNewline();
        }
    }

    /** Moves to {@code end}, counting the line feeds of {@code [from, end)} (a tag may span lines). */
    private void advancePast(int from, int end) {
        for (int i = from; i < end; i++) {
            if (src.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        pos = end;
    }

    /** {@code <%-}: drop the spaces and tabs between the start of the line and the tag. */
    private void trimIndentation(int tagStart) {
        int i = tagStart;
        while (i > lineStart && (src.charAt(i - 1) == ' ' || src.charAt(i - 1) == '\t')) {
            i--;
        }
        int indentation = tagStart - i;
        if (i == lineStart && indentation <= text.length()) {
            text.setLength(text.length() - indentation);
        }
    }

    private void skipNewline() {
        if (src.startsWith("\r\n", pos)) {
            newLine(pos + 2);
        } else if (src.startsWith("\n", pos)) {
            newLine(pos + 1);
        }
    }

    /** A placeholder {@code NAME} or {@code NAME:-fallback} in braces after a dollar sign; the fallback ends at the
     * first closing brace, on the same line. */
    private void placeholder() {
        int nameEnd = pos + 2;
        if (nameEnd < src.length() && isNameStart(src.charAt(nameEnd))) {
            nameEnd++;
            while (nameEnd < src.length() && isNamePart(src.charAt(nameEnd))) {
                nameEnd++;
            }
        }
        int end = -1;
        String fallback = null;
        if (nameEnd > pos + 2 && nameEnd < src.length() && src.charAt(nameEnd) == '}') {
            end = nameEnd + 1;
        } else if (nameEnd > pos + 2 && src.startsWith(":-", nameEnd)) {
            int stop = fallbackStop(nameEnd + 2);
            if (stop < src.length() && src.charAt(stop) == '}') {
                fallback = src.substring(nameEnd + 2, stop);
                end = stop + 1;
            }
        }
        if (end < 0) {
            appendText(pos, pos + 2);
            pos += 2;
            return;
        }
        countTag();
        boolean onCommentLine = onCommentLine(pos);
        flushText();
        segments.add(new TemplateSegment.Placeholder(
                src.substring(pos + 2, nameEnd), fallback, src.substring(pos, end), line, onCommentLine));
        pos = end;
    }

    /**
     * The first closing brace or line break at or after {@code from}. Positions only grow, so the answer of an earlier
     * search that started at or before {@code from} and ended at or after it still holds: the text is searched once,
     * not once per placeholder.
     */
    private int fallbackStop(int from) {
        if (fallbackStop < from) {
            fallbackStop = from;
            while (fallbackStop < src.length() && "}\r\n".indexOf(src.charAt(fallbackStop)) < 0) {
                fallbackStop++;
            }
        }
        return fallbackStop;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /** Whether {@code at} follows a YAML comment sign at the start of its line ({@code # ... <%= x %>}). */
    private boolean onCommentLine(int at) {
        if (firstContentLineStart != lineStart) {
            firstContentLineStart = lineStart;
            firstContent = lineStart;
            while (firstContent < at && Character.isWhitespace(src.charAt(firstContent))) {
                firstContent++;
            }
        }
        return firstContent < at && src.charAt(firstContent) == '#';
    }

    /**
     * Whether {@code at} is the value of a key such as {@code password:} or {@code db_secret:} (the key's word
     * characters contain a {@link #SECRET_WORDS secret word}, then a colon): its literals are masked in messages.
     * Looks back only over that key, so each key is read once.
     */
    private boolean onSecretLine(int at) {
        int i = skipSpacesBack(at);
        if (i == lineStart || src.charAt(i - 1) != ':') {
            return false;
        }
        int keyEnd = skipSpacesBack(i - 1);
        int keyStart = keyEnd;
        while (keyStart > lineStart && isNamePart(src.charAt(keyStart - 1))) {
            keyStart--;
        }
        String key = src.substring(keyStart, keyEnd).toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(key::contains);
    }

    private int skipSpacesBack(int from) {
        int i = from;
        while (i > lineStart && " \t\u000B\f\r".indexOf(src.charAt(i - 1)) >= 0) {
            i--;
        }
        return i;
    }
}
