package dev.mdb.tasks;

import dev.mdb.tasks.migrate.MigrationVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rails' cross-database order for a fleet migration: the next migration to start is the first ready one by version,
 * then config order; a migration waits only for lower versions still to run from other migrations directories, so the
 * shards of a group, which share their directory, advance side by side.
 */
final class FleetOrder {
    private FleetOrder() {}

    /**
     * The lane to step next in {@code scope}: the lowest (version, config order) among lanes not at work, not failed,
     * with a migration left that no other directory holds back; null when none can start. With {@code preferOpen}
     * (several jobs), a lane whose connection is still open goes before one that would have to connect: a fleet
     * larger than the idle cap would otherwise close and reopen connections, each a new server session, between its
     * migrations.
     */
    static Lane next(List<Lane> scope, boolean preferOpen) {
        // Per migrations directory, the lowest version still to run there (failed databases' included).
        Map<String, MigrationVersion> lowest = new HashMap<>();
        for (Lane lane : scope) {
            for (int i = lane.next; i < lane.pending.size(); i++) {
                lowest.merge(
                        lane.directory(i), lane.pending.get(i).file().version(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        Lane best = null;
        for (Lane lane : scope) {
            if (lane.running || lane.failure != null || !lane.hasNext() || heldBack(lane, lowest)) {
                continue;
            }
            if (best == null || preferred(lane, best, preferOpen)) {
                best = lane;
            }
        }
        return best;
    }

    private static boolean preferred(Lane a, Lane b, boolean preferOpen) {
        if (preferOpen && (a.session == null) != (b.session == null)) {
            return a.session != null;
        }
        return before(a, b);
    }

    /** Whether {@code a}'s next migration comes before {@code b}'s in Rails' order: version, then config order. */
    private static boolean before(Lane a, Lane b) {
        int cmp = a.nextVersion().compareTo(b.nextVersion());
        return cmp < 0 || (cmp == 0 && a.index < b.index);
    }

    /**
     * Whether a migration of another directory with a lower version is still to run (or failed): then {@code lane}'s
     * next one waits. Migrations of one directory do not wait for each other across databases, nor do equal versions.
     */
    private static boolean heldBack(Lane lane, Map<String, MigrationVersion> lowest) {
        String directory = lane.directory(lane.next);
        MigrationVersion version = lane.nextVersion();
        for (Map.Entry<String, MigrationVersion> other : lowest.entrySet()) {
            if (!other.getKey().equals(directory) && other.getValue().compareTo(version) < 0) {
                return true;
            }
        }
        return false;
    }
}
