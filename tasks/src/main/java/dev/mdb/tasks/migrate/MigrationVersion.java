package dev.mdb.tasks.migrate;

import java.util.regex.Pattern;

/** A Flyway version ({@code 20261121120000}, {@code 1.2}, {@code 1_2}), ordered numerically segment by segment. */
public record MigrationVersion(String text) implements Comparable<MigrationVersion> {
    private static final Pattern VALID = Pattern.compile("[0-9]+([._][0-9]+)*");

    public MigrationVersion {
        text = text.replace('_', '.');
    }

    /** Parses a user-supplied version; null when it is not digits optionally separated by {@code .} or {@code _}. */
    public static MigrationVersion parseOrNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        // Rails also accepts a migration file name: take its version prefix.
        var fileName =
                java.util.regex.Pattern.compile("^[VU]?([0-9][0-9._]*)__.+").matcher(trimmed);
        if (fileName.matches()) {
            trimmed = fileName.group(1);
        }
        return VALID.matcher(trimmed).matches() ? new MigrationVersion(trimmed) : null;
    }

    /** Numeric order, segment by segment; a missing segment is 0. Allocation-free: fleets compare versions a lot. */
    @Override
    public int compareTo(MigrationVersion other) {
        String a = text;
        String b = other.text;
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int iEnd = segmentEnd(a, i);
            int jEnd = segmentEnd(b, j);
            int cmp = compareSegments(a, i, iEnd, b, j, jEnd);
            if (cmp != 0) {
                return cmp;
            }
            i = iEnd + 1;
            j = jEnd + 1;
        }
        return 0;
    }

    /** The end of the segment starting at {@code from} (the next dot, or the end); {@code from} when past the end. */
    private static int segmentEnd(String s, int from) {
        if (from >= s.length()) {
            return from;
        }
        int dot = s.indexOf('.', from);
        return dot < 0 ? s.length() : dot;
    }

    /** Two runs of digits as numbers (leading zeros ignored; an empty run is 0), without parsing them. */
    private static int compareSegments(String a, int aStart, int aEnd, String b, int bStart, int bEnd) {
        int x = Math.min(aStart, aEnd);
        int y = Math.min(bStart, bEnd);
        while (x < aEnd && a.charAt(x) == '0') {
            x++;
        }
        while (y < bEnd && b.charAt(y) == '0') {
            y++;
        }
        int lengths = Integer.compare(aEnd - x, bEnd - y);
        if (lengths != 0) {
            return lengths;
        }
        for (; x < aEnd; x++, y++) {
            int cmp = Character.compare(a.charAt(x), b.charAt(y));
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    /** Same version regardless of spelling ({@code 1.0} equals {@code 1}). */
    public boolean sameAs(MigrationVersion other) {
        return compareTo(other) == 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
