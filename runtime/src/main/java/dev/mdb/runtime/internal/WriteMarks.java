package dev.mdb.runtime.internal;

import dev.mdb.runtime.ReadConsistency;
import dev.mdb.runtime.WriteMark;
import java.util.Collection;

/**
 * When a client's {@link WriteMark} stops constraining its reads, so that its web context can forget it. The rule is
 * the one a reading route applies to the mark, read the other way round:
 *
 * <ul>
 *   <li>Causal, with a position of the writer's engine, younger than the token lifetime: the mark is in force until
 *       every replica of its group/shard that is <em>in rotation</em> has replayed the position, by the health checks'
 *       cached replay positions (no query). Replicas out of rotation (down, lagging, wrong role) are not waited for:
 *       reads don't go to them, and waiting would keep every writing client on the primary for the token lifetime
 *       whenever one replica is down. The cost: a replica readmitted later may not have replayed a dropped mark yet
 *       (it is back within {@code max_replication_lag} of the primary). With no replica in rotation the mark stays:
 *       nothing says where reads will go when they come back.
 *   <li>Otherwise (time window, a mark without a position, a position older than the token lifetime): the mark is in
 *       force while it is younger than the window's delay.
 * </ul>
 */
public final class WriteMarks {
    private WriteMarks() {}

    /**
     * Whether {@code mark} still constrains reads at {@code nowMillis}.
     *
     * @param position the mark's position read with its writer's engine, or null when it has none that engine reads
     * @param replicas every replica that reads of the mark's group/shard can use (every role whose entries form a
     *     replica set)
     */
    public static boolean inForce(
            WriteMark mark,
            ReadConsistency consistency,
            PositionToken position,
            Collection<TargetHealth> replicas,
            long nowMillis) {
        long age = nowMillis - mark.writtenAtMillis();
        if (consistency.isCausal()
                && position != null
                && age < consistency.tokenTtl().toMillis()) {
            return !replayedByEveryReplicaInRotation(position, replicas);
        }
        return age < consistency.delay().toMillis();
    }

    private static boolean replayedByEveryReplicaInRotation(PositionToken position, Collection<TargetHealth> replicas) {
        boolean anyInRotation = false;
        for (TargetHealth replica : replicas) {
            if (replica.inRotation()) {
                if (!replica.hasReplayed(position)) {
                    return false;
                }
                anyInRotation = true;
            }
        }
        return anyInRotation;
    }
}
