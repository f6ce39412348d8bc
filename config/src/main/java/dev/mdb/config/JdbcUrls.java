package dev.mdb.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in connection URLs before they reach a message or a log line: the password of {@code //user:pass@}
 * becomes {@code ***}, and so does the value of any {@code password=}-like query or JDBC parameter.
 */
public final class JdbcUrls {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)((?:^|[?&;:,{(\\[\\s])[\\w.-]*(?:password|passwd|pwd|secret))=[^&;,})\\]\\s]*");

    private JdbcUrls() {}

    /**
     * Returns {@code text} with every URL password masked; null stays null. Works on a bare URL and on a message that
     * quotes one; when in doubt it masks more than the password rather than less.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = redactUserInfo(text);
        Matcher matcher = PASSWORD_PARAM.matcher(masked);
        return matcher.replaceAll(result -> Matcher.quoteReplacement(result.group(1) + "=" + MASK));
    }

    private static String redactUserInfo(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        int slashes = text.indexOf("//");
        while (slashes >= 0) {
            int tokenEnd = tokenEnd(text, slashes + 2);
            int at = text.lastIndexOf('@', tokenEnd - 1);
            int colon = text.indexOf(':', slashes + 2);
            if (at > slashes && colon >= 0 && colon < at) {
                out.append(text, pos, colon + 1).append(MASK);
                pos = at;
            }
            slashes = text.indexOf("//", Math.max(tokenEnd, slashes + 2));
        }
        return out.append(text, pos, text.length()).toString();
    }

    private static int tokenEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
