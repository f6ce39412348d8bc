package dev.mdb.tasks;

import java.util.regex.Pattern;

/** Database names in selections: plain names, or globs with {@code *} (any run) and {@code ?} (one character). */
final class NamePatterns {
    private NamePatterns() {}

    static boolean isGlob(String name) {
        return name.contains("*") || name.contains("?");
    }

    /** {@code name} as a regular expression matching whole names. */
    static Pattern glob(String name) {
        return Pattern.compile(Pattern.quote(name).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
    }
}
