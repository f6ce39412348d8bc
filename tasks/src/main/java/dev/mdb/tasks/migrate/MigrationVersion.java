package dev.mdb.tasks.migrate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
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

    private List<BigInteger> segments() {
        List<BigInteger> result = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            result.add(part.isEmpty() ? BigInteger.ZERO : new BigInteger(part));
        }
        while (result.size() > 1 && result.get(result.size() - 1).signum() == 0) {
            result.remove(result.size() - 1);
        }
        return result;
    }

    @Override
    public int compareTo(MigrationVersion other) {
        List<BigInteger> a = segments();
        List<BigInteger> b = other.segments();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int cmp = x.compareTo(y);
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
