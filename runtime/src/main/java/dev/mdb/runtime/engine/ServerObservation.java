package dev.mdb.runtime.engine;

/**
 * What one probe of a server saw. Positions are -1 and lag null when unknown or not applicable.
 *
 * @param standby the server replays another's changes (PostgreSQL hot standby, MySQL/MariaDB replica)
 * @param readOnly the server or the session refuses writes
 * @param identity recognises one server (to tell a read-only user on the primary's own server), or null
 * @param replayPosition the position a standby has replayed
 * @param currentPosition a writer's current position
 * @param secondsBehind seconds since the last replayed change, or the engine's own lag figure
 */
public record ServerObservation(
        boolean standby,
        boolean readOnly,
        String identity,
        long replayPosition,
        long currentPosition,
        Double secondsBehind) {

    /** A server that only answered: not a standby, no positions. */
    public static ServerObservation plain(boolean readOnly) {
        return new ServerObservation(false, readOnly, null, -1, -1, null);
    }
}
