package dev.mdb.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rails 7.1's {@code connected_to_all_shards} and {@code shard_keys}: a body once per shard of a group, in order or
 * side by side, each under the route with that shard; results by shard.
 */
class AllShardsTest {
    @TempDir
    Path project;

    private Mdb mdb;
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(project.resolve("storage"));
        mdb = Mdb.of(RuntimeFixtures.configurations("""
                primary: {adapter: sqlite3, database: storage/default.sqlite3}
                primary_replica: {adapter: sqlite3, database: storage/default.sqlite3, replica: true}
                primary_shard_one: {adapter: sqlite3, database: storage/one.sqlite3}
                primary_shard_one_replica: {adapter: sqlite3, database: storage/one.sqlite3, replica: true}
                primary_shard_two: {adapter: sqlite3, database: storage/two.sqlite3}
                primary_shard_two_replica: {adapter: sqlite3, database: storage/two.sqlite3, replica: true}
                """), RuntimeFixtures.ENV, project);
        for (Shard shard : mdb.router().database("primary").shardKeys()) {
            mdb.router()
                    .connectedTo(Route.writing().withShard(shard.toString()))
                    .use(() -> {
                        try (Connection c = mdb.dataSource().getConnection();
                                Statement s = c.createStatement()) {
                            s.execute("CREATE TABLE marker (name TEXT)");
                            s.execute("INSERT INTO marker VALUES ('" + shard + "')");
                        }
                    });
        }
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        mdb.close();
    }

    /** The shard's marker and the entry that served it. */
    private String marker() throws SQLException {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM marker")) {
            rs.next();
            return rs.getString(1) + "@" + mdb.dataSource().describe().entry();
        }
    }

    @Test
    void shardKeys_inDatabaseYmlOrder() {
        assertThat(mdb.router().database("primary").shardKeys())
                .containsExactly(Shard.DEFAULT, Shard.of("shard_one"), Shard.of("shard_two"));
    }

    @Test
    void inOrder_eachShardUnderTheRoute_resultsByShard() throws Exception {
        List<String> visited = new ArrayList<>();
        Map<Shard, String> results = mdb.router().database("primary").connectedToAllShards(Route.reading(), () -> {
            visited.add(mdb.router().current().shard().toString());
            return marker();
        });

        assertThat(visited).containsExactly("default", "shard_one", "shard_two");
        assertThat(results)
                .containsExactly(
                        Map.entry(Shard.DEFAULT, "default@primary_replica"),
                        Map.entry(Shard.of("shard_one"), "shard_one@primary_shard_one_replica"),
                        Map.entry(Shard.of("shard_two"), "shard_two@primary_shard_two_replica"));
        assertThat(mdb.router().current().shard()).as("restored afterwards").isEqualTo(Shard.DEFAULT);
    }

    @Test
    void inOrder_preventingWrites_writeRefusedOnTheFirstShard() {
        assertThatThrownBy(() -> mdb.router()
                        .database("primary")
                        .connectedToAllShards(Route.writing().preventWrites(), () -> {
                            try (Connection c = mdb.dataSource().getConnection();
                                    Statement s = c.createStatement()) {
                                return s.executeUpdate("DELETE FROM marker");
                            }
                        }))
                .isInstanceOf(ReadOnlyViolationException.class);
    }

    @Test
    void parallel_sameResultsInShardOrder_underTheCallersFrames() throws Exception {
        Map<Shard, String> results = mdb.router()
                .whilePreventingWrites()
                .with(() -> mdb.router()
                        .database("primary")
                        .connectedToAllShards(
                                Route.reading(),
                                pool,
                                () -> marker() + (mdb.router().current().writesPrevented() ? " ro" : "")));

        assertThat(results)
                .containsExactly(
                        Map.entry(Shard.DEFAULT, "default@primary_replica ro"),
                        Map.entry(Shard.of("shard_one"), "shard_one@primary_shard_one_replica ro"),
                        Map.entry(Shard.of("shard_two"), "shard_two@primary_shard_two_replica ro"));
    }

    @Test
    void parallel_failures_firstShardThrownNamingItOthersSuppressed() {
        assertThatThrownBy(() -> mdb.router().database("primary").connectedToAllShards(Route.writing(), pool, () -> {
                    String shard = mdb.router().current().shard().toString();
                    if (!shard.equals("default")) {
                        throw new IllegalStateException("boom on " + shard);
                    }
                    return shard;
                }))
                .isInstanceOf(ExecutionException.class)
                .hasMessageStartingWith("shard 'shard_one' of primary: ")
                .hasCauseInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(e.getSuppressed())
                        .singleElement()
                        .satisfies(s -> assertThat(s).hasMessageContaining("shard 'shard_two'")));
    }

    @Test
    void routeNamingAShard_refused() {
        assertThatThrownBy(() -> mdb.router()
                        .database("primary")
                        .connectedToAllShards(Route.reading().withShard("shard_one"), () -> 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not name one");
    }
}
