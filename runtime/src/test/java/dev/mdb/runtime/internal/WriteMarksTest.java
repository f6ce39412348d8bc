package dev.mdb.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.runtime.ReadConsistency;
import dev.mdb.runtime.TargetState;
import dev.mdb.runtime.WriteMark;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** When a client's write mark stops constraining reads, with given replica states and replay positions. */
class WriteMarksTest {
    private static final long NOW = 1_000_000L;
    private static final String SYSTEM = "7310";
    private static final PositionToken WRITE = new PositionToken(SYSTEM, 0x200);
    private static final ReadConsistency CAUSAL = ReadConsistency.causal(Duration.ofSeconds(2));
    private static final ReadConsistency WINDOW = ReadConsistency.timeWindow(Duration.ofSeconds(2));

    /** A replica in {@code state} that has replayed up to {@code replay} (-1: unknown) on cluster {@link #SYSTEM}. */
    private static TargetHealth replica(String name, TargetState state, long replay) {
        TargetHealth health = new TargetHealth(name);
        health.state(state);
        health.observed(true, "standby", 0.0, 0L, SYSTEM + "@2026-01-01");
        if (replay != -1) {
            health.observeReplay(replay);
        }
        return health;
    }

    private static WriteMark writtenAgo(long millis) {
        return new WriteMark(NOW - millis, "pg:" + SYSTEM + ":0/200");
    }

    private static boolean inForce(WriteMark mark, ReadConsistency consistency, List<TargetHealth> replicas) {
        return WriteMarks.inForce(mark, consistency, WRITE, replicas, NOW);
    }

    @Test
    void inForce_everyReplicaReplayed_dropped_evenWithinTheDelay() {
        List<TargetHealth> replicas =
                List.of(replica("r1", TargetState.UP, 0x200), replica("r2", TargetState.UP, 0x300));

        assertThat(inForce(writtenAgo(10), CAUSAL, replicas)).isFalse();
    }

    @Test
    void inForce_oneReplicaInRotationBehind_kept() {
        List<TargetHealth> replicas =
                List.of(replica("r1", TargetState.UP, 0x300), replica("r2", TargetState.UP, 0x1ff));

        assertThat(inForce(writtenAgo(10), CAUSAL, replicas)).isTrue();
    }

    @Test
    void inForce_replicaNotProbedYet_kept() {
        List<TargetHealth> replicas =
                List.of(replica("r1", TargetState.UP, 0x300), replica("r2", TargetState.UNKNOWN, -1));

        assertThat(inForce(writtenAgo(10), CAUSAL, replicas)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = TargetState.class,
            names = {"DOWN", "LAGGING", "ROLE_MISMATCH"})
    void inForce_replicaBehindIsOutOfRotation_notWaitedFor(TargetState out) {
        List<TargetHealth> replicas = List.of(replica("r1", TargetState.UP, 0x200), replica("r2", out, 0x100));

        assertThat(inForce(writtenAgo(10), CAUSAL, replicas)).isFalse();
    }

    @Test
    void inForce_noReplicaInRotation_kept() {
        List<TargetHealth> replicas =
                List.of(replica("r1", TargetState.DOWN, 0x300), replica("r2", TargetState.LAGGING, 0x300));

        assertThat(inForce(writtenAgo(10), CAUSAL, replicas)).isTrue();
    }

    @Test
    void inForce_replicaOfAnotherCluster_neverCountsAsReplayed() {
        TargetHealth recloned = replica("r1", TargetState.UP, 0x900);
        recloned.observed(true, "standby", 0.0, 0L, "9999@2026-01-01");

        assertThat(inForce(writtenAgo(10), CAUSAL, List.of(recloned))).isTrue();
    }

    @Test
    void inForce_readOnlyEntryOnThePrimarysServer_countsAsReplayed() {
        TargetHealth sameServer = replica("r1", TargetState.UP, -1);
        sameServer.observed(true, "primary's server", 0.0, 0L, SYSTEM + "@2026-01-01");

        assertThat(inForce(writtenAgo(10), CAUSAL, List.of(sameServer))).isFalse();
    }

    @Test
    void inForce_positionPastItsLifetime_expired_thoughNoReplicaReplayedIt() {
        List<TargetHealth> behind = List.of(replica("r1", TargetState.UP, 0x100));
        long ttl = CAUSAL.tokenTtl().toMillis();

        assertThat(inForce(writtenAgo(ttl - 1), CAUSAL, behind)).isTrue();
        assertThat(inForce(writtenAgo(ttl), CAUSAL, behind)).isFalse();
    }

    @Test
    void inForce_markWithoutPosition_expiresAfterTheDelay() {
        List<TargetHealth> behind = List.of(replica("r1", TargetState.UP, 0x100));
        WriteMark timeOnly = WriteMark.at(NOW - 1_999);

        assertThat(WriteMarks.inForce(timeOnly, CAUSAL, null, behind, NOW)).isTrue();
        assertThat(WriteMarks.inForce(WriteMark.at(NOW - 2_000), CAUSAL, null, behind, NOW))
                .isFalse();
    }

    @Test
    void inForce_timeWindow_ignoresPositions_expiresAfterTheDelay() {
        List<TargetHealth> replayed = List.of(replica("r1", TargetState.UP, 0x300));

        assertThat(inForce(writtenAgo(1_999), WINDOW, replayed)).isTrue();
        assertThat(inForce(writtenAgo(2_000), WINDOW, replayed)).isFalse();
    }

    @Test
    void inForce_delayLongerThanTheLifetime_oldPositionStillHeldByTheWindow() {
        ReadConsistency longWindow = ReadConsistency.causal(Duration.ofSeconds(90));
        List<TargetHealth> behind = List.of(replica("r1", TargetState.UP, 0x100));

        assertThat(inForce(writtenAgo(70_000), longWindow, behind)).isTrue();
        assertThat(inForce(writtenAgo(90_000), longWindow, behind)).isFalse();
    }
}
