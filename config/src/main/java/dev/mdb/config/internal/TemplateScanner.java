package dev.mdb.config.internal;

import dev.mdb.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits raw database.yml text into {@link TemplateSegment}s: literal text, ERB tags ({@code <% %>}, {@code <%= %>},
 * {@code <%# %>}, with the {@code <%-}/{@code -%>} trim forms and {@code <%%} for a literal {@code <%}) and
 * {@code ${X}} placeholders, keeping the source line of each.
 */
final class TemplateScanner {
    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(password|passwd|pwd|secret|token|credentials?)\\w*\\s*:\\s*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}\\r\\n]*))?}");

    private final String src;
    private final String source;
    private final List<TemplateSegment> segments = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int textLine = 1;
    private int pos;
    private int line = 1;

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
            if (src.startsWith("<%%", pos)) {
                appendText("<%");
                pos += 3;
            } else if (src.startsWith("<%", pos)) {
                tag();
            } else if (src.startsWith("${", pos)) {
                placeholder();
            } else {
                char c = src.charAt(pos++);
                appendText(String.valueOf(c));
                if (c == '\n') {
                    line++;
                }
            }
        }
        flushText();
        return segments;
    }

    private void appendText(String chunk) {
        if (text.length() == 0) {
            textLine = line;
        }
        text.append(chunk);
    }

    private void flushText() {
        if (text.length() > 0) {
            segments.add(new TemplateSegment.Text(text.toString(), textLine));
            text.setLength(0);
        }
    }

    private void tag() {
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
        flushText();
        int tagLine = line;
        pos = close + 2;
        line += countNewlines(src, start, pos);
        segments.add(new TemplateSegment.Tag(
                kind, inner, src.substring(start, pos), tagLine, onCommentLine, onSecretLine(start)));
        if (trimRight) {
            skipNewline();
        }
    }

    /** {@code <%-}: drop the spaces and tabs between the start of the line and the tag. */
    private void trimIndentation(int tagStart) {
        int i = tagStart;
        while (i > 0 && (src.charAt(i - 1) == ' ' || src.charAt(i - 1) == '\t')) {
            i--;
        }
        int indentation = tagStart - i;
        if ((i == 0 || src.charAt(i - 1) == '\n') && indentation <= text.length()) {
            text.setLength(text.length() - indentation);
        }
    }

    private void skipNewline() {
        if (src.startsWith("\r\n", pos)) {
            pos += 2;
            line++;
        } else if (src.startsWith("\n", pos)) {
            pos++;
            line++;
        }
    }

    private void placeholder() {
        Matcher matcher = PLACEHOLDER.matcher(src).region(pos, src.length());
        if (!matcher.lookingAt()) {
            appendText("${");
            pos += 2;
            return;
        }
        boolean onCommentLine = onCommentLine(pos);
        flushText();
        segments.add(new TemplateSegment.Placeholder(
                matcher.group(1), matcher.group(2), matcher.group(), line, onCommentLine));
        pos = matcher.end();
    }

    /** Whether {@code at} follows a YAML comment sign at the start of its line ({@code # ... <%= x %>}). */
    private boolean onCommentLine(int at) {
        int lineStart = src.lastIndexOf('\n', at - 1) + 1;
        return src.substring(lineStart, at).strip().startsWith("#");
    }

    /** Whether {@code at} is the value of a key such as {@code password:}: its literals are masked in messages. */
    private boolean onSecretLine(int at) {
        int lineStart = src.lastIndexOf('\n', at - 1) + 1;
        return SECRET_KEY.matcher(src.substring(lineStart, at)).matches();
    }

    private static int countNewlines(String s, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
