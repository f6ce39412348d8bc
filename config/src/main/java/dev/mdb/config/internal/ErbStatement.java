package dev.mdb.config.internal;

import java.util.Set;

/**
 * A statement tag split into its keyword ({@code if}, {@code unless}, {@code elsif}, {@code else}, {@code end}) and
 * its condition, empty when there is none; a trailing {@code then} is dropped. Written out rather than as a regular
 * expression, whose backtracking over a long run of spaces before an optional {@code then} is quadratic.
 */
record ErbStatement(String keyword, String condition) {
    private static final Set<String> KEYWORDS = Set.of("if", "unless", "elsif", "else", "end");

    /** The statement {@code content} (already stripped) holds, or null when it starts with no statement keyword. */
    static ErbStatement of(String content) {
        int wordEnd = 0;
        while (wordEnd < content.length() && isWordChar(content.charAt(wordEnd))) {
            wordEnd++;
        }
        String keyword = content.substring(0, wordEnd);
        if (!KEYWORDS.contains(keyword)) {
            return null;
        }
        int start = wordEnd;
        while (start < content.length() && isSpace(content.charAt(start))) {
            start++;
        }
        int end = content.length();
        if (content.endsWith("then") && end - 4 > start && isSpace(content.charAt(end - 5))) {
            end -= 4;
            while (end > start && isSpace(content.charAt(end - 1))) {
                end--;
            }
        }
        return new ErbStatement(keyword, content.substring(start, end));
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isSpace(char c) {
        return " \t\n\u000B\f\r".indexOf(c) >= 0;
    }
}
