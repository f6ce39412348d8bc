package dev.mdb.runtime;

import java.util.Locale;

/** Health of one database.yml entry as the replica health checks see it. */
public enum TargetState {
    /** Not probed yet: eligible (a failure takes it out at once). */
    UNKNOWN,
    /** Reachable, the right role, lag within {@code max_replication_lag}. */
    UP,
    /** Reachable but further behind than {@code max_replication_lag}: out of rotation until it catches up. */
    LAGGING,
    /** A connection or probe failed: out of rotation, probed again with back-off. */
    DOWN,
    /** Not a replica (not a standby, not read-only, not the primary's own server): out of rotation. */
    ROLE_MISMATCH;

    /** Whether a replica in this state may serve reads. */
    public boolean inRotation() {
        return this == UNKNOWN || this == UP;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
