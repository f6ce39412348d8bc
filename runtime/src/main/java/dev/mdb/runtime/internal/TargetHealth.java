package dev.mdb.runtime.internal;

import dev.mdb.runtime.TargetState;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The health of one entry, shared by every replica set that uses it. Written by the {@link HealthMonitor}'s thread
 * (probes) and by request threads (a failed connection, a fresher replay position); read by request threads choosing a
 * replica. State changes never touch connections in use: they only affect new choices.
 */
public final class TargetHealth {
    private final String entry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong replayPosition = new AtomicLong(-1);
    private volatile TargetState state = TargetState.UNKNOWN;
    private volatile boolean reachable;
    private volatile String serverRole;
    private volatile Double lagSeconds;
    private volatile Long lagBytes;
    private volatile String error;
    private volatile String identity;

    // Probe bookkeeping, touched under the monitor's lock only.
    int goodProbes;
    long backoffMillis;
    long nextProbeAt;

    TargetHealth(String entry) {
        this.entry = entry;
    }

    public String entry() {
        return entry;
    }

    public TargetState state() {
        return state;
    }

    public boolean inRotation() {
        return state.inRotation();
    }

    public boolean reachable() {
        return reachable;
    }

    public String serverRole() {
        return serverRole;
    }

    public Double lagSeconds() {
        return lagSeconds;
    }

    public Long lagBytes() {
        return lagBytes;
    }

    public String error() {
        return error;
    }

    /** The server's identity as last probed ({@code <system identifier>@<start time>} on PostgreSQL), or null. */
    public String identity() {
        return identity;
    }

    /** The last known replay position (PostgreSQL LSN), or -1. */
    public long replayPosition() {
        return replayPosition.get();
    }

    /**
     * Whether this replica has replayed {@code position}, by what is known now (no query): the primary's own server
     * always has; a server of another cluster (its identity names another system identifier) never has; otherwise its
     * last known replay position must be at or after it.
     */
    public boolean hasReplayed(PositionToken position) {
        String seen = identity;
        if (seen != null && !seen.startsWith(position.systemId() + "@")) {
            return false;
        }
        if ("primary's server".equals(serverRole)) {
            return true;
        }
        long replay = replayPosition();
        return replay != -1 && PositionToken.atOrAfter(replay, position.position());
    }

    /** Records a replay position seen by anyone; positions only move forward. */
    public void observeReplay(long position) {
        replayPosition.accumulateAndGet(
                position, (old, seen) -> old == -1 || PositionToken.atOrAfter(seen, old) ? seen : old);
    }

    /** Connections currently borrowed from this entry through routing data sources. */
    public int inFlight() {
        return inFlight.get();
    }

    public void borrowed() {
        inFlight.incrementAndGet();
    }

    public void returned() {
        inFlight.decrementAndGet();
    }

    void state(TargetState newState) {
        this.state = newState;
    }

    void observed(boolean reachable, String serverRole, Double lagSeconds, Long lagBytes, String identity) {
        this.reachable = reachable;
        this.serverRole = serverRole;
        this.lagSeconds = lagSeconds;
        this.lagBytes = lagBytes;
        this.identity = identity;
        this.error = null;
    }

    void failed(String message) {
        this.reachable = false;
        this.error = message;
    }
}
