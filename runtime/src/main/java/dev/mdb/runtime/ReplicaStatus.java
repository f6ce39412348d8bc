package dev.mdb.runtime;

/**
 * One replica as its last probe saw it: {@code reachable}; {@code role} what the server said it is ({@code standby},
 * {@code read-only}, {@code primary's server}, or {@code writable} for a mismatch; null when unreachable); lag in
 * seconds and bytes (null when unknown or not measurable on the engine); whether it is {@code inRotation}; and the
 * last {@code error} (message without credentials), or null.
 */
public record ReplicaStatus(
        String group,
        Shard shard,
        Role role,
        String entry,
        String location,
        String writer,
        TargetState state,
        boolean reachable,
        String serverRole,
        Double lagSeconds,
        Long lagBytes,
        double maxLagSeconds,
        int weight,
        String error) {

    public boolean inRotation() {
        return state.inRotation();
    }

    /** Whether the server role was verified as a replica (standby, read-only server or the primary's own server). */
    public boolean roleVerified() {
        return reachable && state != TargetState.ROLE_MISMATCH;
    }
}
