package dev.mdb.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which of a client's marks {@link Mdb#recordWrites(UnitOfWork)} keeps, per group/shard, from replay positions set by
 * hand on PostgreSQL replicas that are never connected to (the units write nothing, so no query is sent).
 */
class RecordWritesTest {
    private static final String PG = "adapter: postgresql, host: 127.0.0.1, port: 1";
    private static final String SYSTEM = "7310";
    private static final RouteKey DEFAULT = RouteKey.of("primary", "default");
    private static final RouteKey SHARD_ONE = RouteKey.of("primary", "shard_one");
    private static final RouteKey ANIMALS = RouteKey.of("animals", "default");
    private static final RouteKey GONE = RouteKey.of("gone", "default");
    private static final ReadConsistency CAUSAL = ReadConsistency.causal(Duration.ofSeconds(2));

    @TempDir
    Path project;

    private Mdb mdb;

    @BeforeEach
    void setUp() {
        String entries = """
                primary: {%1$s, database: app}
                primary_replica_1: {%1$s, database: app, replica: true}
                primary_replica_2: {%1$s, database: app, replica: true}
                primary_shard_one: {%1$s, database: one}
                primary_shard_one_replica: {%1$s, database: one, replica: true}
                animals: {%1$s, database: animals}
                """.formatted(PG);
        mdb = Mdb.of(RuntimeFixtures.configurations(entries), RuntimeFixtures.ENV, project);
    }

    @AfterEach
    void tearDown() {
        mdb.close();
    }

    /** A mark written {@code agoMillis} ago at WAL position {@code 0/<hex>} of cluster {@link #SYSTEM}. */
    private static WriteMark mark(long agoMillis, String hex) {
        return new WriteMark(System.currentTimeMillis() - agoMillis, "pg:" + SYSTEM + ":0/" + hex);
    }

    private void replayed(String entry, long position) {
        mdb.replicas().health(entry).observeReplay(position);
    }

    private ConsistencyState next(ConsistencyState client) {
        return mdb.recordWrites(new UnitOfWork(client, CAUSAL, false));
    }

    @Test
    void recordWrites_markReplayedByEveryReplicaOfItsShard_dropped_othersKept() {
        ConsistencyState client = ConsistencyState.of(Map.of(DEFAULT, mark(10, "200"), SHARD_ONE, mark(10, "200")));
        replayed("primary_replica_1", 0x200);
        replayed("primary_replica_2", 0x250);
        replayed("primary_shard_one_replica", 0x1ff);

        assertThat(next(client).marks()).containsOnlyKeys(SHARD_ONE);
    }

    @Test
    void recordWrites_oneReplicaOfTheShardBehind_kept() {
        ConsistencyState client = ConsistencyState.of(Map.of(DEFAULT, mark(10, "200")));
        replayed("primary_replica_1", 0x200);
        replayed("primary_replica_2", 0x100);

        assertThat(next(client)).isSameAs(client);
    }

    @Test
    void recordWrites_replicaBehindIsDown_notWaitedFor() {
        ConsistencyState client = ConsistencyState.of(Map.of(DEFAULT, mark(10, "200")));
        replayed("primary_replica_1", 0x200);
        replayed("primary_replica_2", 0x100);
        mdb.replicas().failed("primary_replica_2", new SQLException("connection reset"));

        assertThat(next(client).isEmpty()).isTrue();
    }

    @Test
    void recordWrites_groupWithoutReplicas_orUnknownGroup_expireByTimeOnly() {
        ConsistencyState client = ConsistencyState.of(Map.of(
                ANIMALS,
                mark(10, "200"),
                GONE,
                mark(10, "200"),
                RouteKey.of("animals", "shard_nine"),
                mark(10, "200")));

        assertThat(next(client)).isSameAs(client);
        ConsistencyState old = ConsistencyState.of(Map.of(ANIMALS, mark(5_000, "200"), GONE, mark(5_000, "200")));
        assertThat(next(old).isEmpty()).isTrue();
    }

    @Test
    void recordWrites_positionPastItsLifetime_dropped() {
        ConsistencyState client =
                ConsistencyState.of(Map.of(DEFAULT, mark(CAUSAL.tokenTtl().toMillis() + 1, "200")));

        assertThat(next(client).isEmpty()).isTrue();
    }
}
