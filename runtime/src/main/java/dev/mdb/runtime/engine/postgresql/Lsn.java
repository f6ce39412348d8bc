package dev.mdb.runtime.engine.postgresql;

/** PostgreSQL log sequence numbers: {@code X/Y} is the unsigned 64-bit value {@code (X << 32) | Y}. */
public final class Lsn {
    private Lsn() {}

    /** Parses {@code X/Y} (hex); throws IllegalArgumentException when malformed. */
    public static long parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || slash > 8 || text.length() - slash - 1 > 8) {
            throw new IllegalArgumentException("not an LSN: '" + text + "'");
        }
        long high = Long.parseLong(text.substring(0, slash), 16);
        long low = Long.parseLong(text.substring(slash + 1), 16);
        return (high << 32) | low;
    }

    public static String format(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The end of the last record before {@code insertPosition}: {@code pg_current_wal_insert_lsn()} points past the
     * page header (24 bytes; 40 at the start of a 16 MB segment) when the last record ended exactly at a page boundary,
     * a position a replica's replay LSN (the end of its last replayed record) never reaches until the next record.
     */
    public static long recordBoundary(long insertPosition) {
        if ((insertPosition & 0xFFFFFFL) == 40) {
            return insertPosition - 40;
        }
        if ((insertPosition & 8191L) == 24) {
            return insertPosition - 24;
        }
        return insertPosition;
    }

    /** Whether {@code a} is at or after {@code b}, comparing as unsigned. */
    public static boolean atOrAfter(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0;
    }
}
