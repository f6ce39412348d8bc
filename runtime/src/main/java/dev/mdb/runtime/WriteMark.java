package dev.mdb.runtime;

/**
 * What a client last wrote on one {@link RouteKey}: when ({@code writtenAtMillis}, epoch milliseconds) and, where the
 * engine has one, the primary's position right after the write ({@code position}, opaque, e.g. {@code
 * pg:<system identifier>:<LSN>}; null for a time-only mark).
 */
public record WriteMark(long writtenAtMillis, String position) {
    public WriteMark {
        if (position != null && (position.isEmpty() || !position.chars().allMatch(WriteMark::tokenChar))) {
            throw new IllegalArgumentException("invalid write position '" + position + "'");
        }
    }

    public static WriteMark at(long writtenAtMillis) {
        return new WriteMark(writtenAtMillis, null);
    }

    public boolean hasPosition() {
        return position != null;
    }

    static boolean tokenChar(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == ':'
                || c == '/'
                || c == '-'
                || c == '_'
                || c == '.';
    }
}
