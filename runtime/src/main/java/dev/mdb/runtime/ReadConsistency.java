package dev.mdb.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a reading {@link UnitOfWork} honours its client's earlier writes ({@link ConsistencyState}).
 *
 * <ul>
 *   <li>{@link #timeWindow(Duration)}: Rails' rule. Within {@code delay} of the client's last write on a group/shard,
 *       reads go to its primary (writes still prevented); afterwards to a replica.
 *   <li>{@link #causal(Duration)}: read-your-writes by position. A write mark carrying the primary's position
 *       (PostgreSQL: the WAL insert LSN right after the request's writes) lets a read use a replica as soon as that
 *       replica has replayed the position, and the primary until then; marks without a position (engines mdb can't
 *       position-track, or positions that could not be read) fall back to the time window. A position older than
 *       {@code tokenTtl} (60 s) no longer constrains reads.
 * </ul>
 */
public final class ReadConsistency {
    /** Rails' default {@code delay}. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);

    /** How long a position token constrains reads. */
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofSeconds(60);

    private final boolean causal;
    private final Duration delay;
    private final Duration tokenTtl;

    private ReadConsistency(boolean causal, Duration delay, Duration tokenTtl) {
        this.causal = causal;
        this.delay = requirePositive(delay, "delay");
        this.tokenTtl = requirePositive(tokenTtl, "tokenTtl");
    }

    /** Rails' time window: the primary for {@code delay} after a client's write. */
    public static ReadConsistency timeWindow(Duration delay) {
        return new ReadConsistency(false, delay, DEFAULT_TOKEN_TTL);
    }

    /** Causal read-your-writes; {@code fallbackDelay} is the time window for marks without a position. */
    public static ReadConsistency causal(Duration fallbackDelay) {
        return new ReadConsistency(true, fallbackDelay, DEFAULT_TOKEN_TTL);
    }

    /** Causal with Rails' 2 s window as fallback. */
    public static ReadConsistency causal() {
        return causal(DEFAULT_DELAY);
    }

    /** This strategy with another token lifetime. */
    public ReadConsistency withTokenTtl(Duration ttl) {
        return new ReadConsistency(causal, delay, ttl);
    }

    public boolean isCausal() {
        return causal;
    }

    public Duration delay() {
        return delay;
    }

    public Duration tokenTtl() {
        return tokenTtl;
    }

    /** How long a mark written at {@code writtenAtMillis} must still be kept by a context. */
    public Duration retention() {
        return causal && tokenTtl.compareTo(delay) > 0 ? tokenTtl : delay;
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return causal ? "causal(fallback " + delay + ", ttl " + tokenTtl + ")" : "timeWindow(" + delay + ")";
    }
}
