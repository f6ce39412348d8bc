package dev.mdb.example.trips;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.testsupport.PostgresReplicaCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trips example against a real PostgreSQL primary and two streaming hot standbys, over HTTP: the scene of the
 * source documents (writes on the primary, GET requests on a standby, proven by the servers' statement logs), the
 * client reading its own writes with the causal and the time-window strategies, and a standby stopped under load.
 */
@Tag("postgresql")
class TripsAppIT {
    @RegisterExtension
    static final PostgresReplicaCluster CLUSTER = PostgresReplicaCluster.create();

    private static final String SECRET = "trips-it-secret-0123456789abcdef0123456789";
    private static final Duration LOG_WAIT = Duration.ofSeconds(5);
    private static final int STOP_AFTER = 300;

    @TempDir
    static Path project;

    static Path databaseYml;

    @BeforeAll
    static void createDatabase() throws IOException, SQLException {
        String database = CLUSTER.createDatabase();
        try (Connection connection = CLUSTER.connect(CLUSTER.primaryPort(), database);
                Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(Path.of("db/migrate/V1__create_trips.sql"), StandardCharsets.UTF_8));
        }
        CLUSTER.waitForReplay(1);
        CLUSTER.waitForReplay(2);
        databaseYml = project.resolve("config/database.yml");
        Files.createDirectories(databaseYml.getParent());
        Files.writeString(
                databaseYml,
                "test:\n  primary:\n" + CLUSTER.ymlEntry(CLUSTER.primaryPort(), database)
                        + "    health_check_interval: 0.2\n    max_replication_lag: 30\n"
                        + "  primary_replica_1:\n" + CLUSTER.ymlEntry(CLUSTER.standbyPort(1), database)
                        + "    replica: true\n"
                        + "  primary_replica_2:\n" + CLUSTER.ymlEntry(CLUSTER.standbyPort(2), database)
                        + "    replica: true\n",
                StandardCharsets.UTF_8);
    }

    private static TripsApp app(String... extra) {
        List<String> args =
                new ArrayList<>(List.of("--config", databaseYml.toString(), "--env", "test", "--port", "0"));
        args.addAll(List.of(extra));
        return new TripsApp(TripsOptions.parse(args.toArray(String[]::new)), Map.of(TripsApp.SECRET_VARIABLE, SECRET));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static Set<Integer> standbyPorts() {
        return Set.of(CLUSTER.standbyPort(1), CLUSTER.standbyPort(2));
    }

    @Test
    void seedScene_postThenGets_writesOnPrimaryAndReadsOnStandby() throws Exception {
        try (TripsApp app = app()) {
            TripsClient client = new TripsClient(app.start());
            String name = unique("Lisbon");
            String postTrace = unique("post");
            String readTrace = unique("read");
            String anonymousTrace = unique("anonymous");

            TripsResponse created = client.post(name, postTrace);
            assertThat(created.status()).as("POST %s", created).isEqualTo(201);
            assertThat(created.port())
                    .as("POST served by the primary: %s", created)
                    .isEqualTo(CLUSTER.primaryPort());
            assertThat(created.standby()).as("%s", created).isFalse();
            assertThat(created.routes()).as("%s", created).containsExactly("primary/default writing primary route");
            assertThat(created.cookie())
                    .as("POST sets the read-your-writes cookie: %s", created)
                    .isNotNull();

            TripsResponse own = client.get(created.cookie(), readTrace);
            assertThat(own.status()).as("%s", own).isEqualTo(200);
            assertThat(own.lists(name))
                    .as("the writer reads its own trip: %s", own)
                    .isTrue();
            if (own.port() == CLUSTER.primaryPort()) {
                assertThat(own.reason())
                        .as("on the primary only while no standby has it: %s", own)
                        .isEqualTo("position_not_replicated");
                assertThat(own.standby()).as("%s", own).isFalse();
            } else {
                assertThat(own.port())
                        .as("else a standby that replayed it: %s", own)
                        .isIn(standbyPorts());
                assertThat(own.reason()).as("%s", own).isEqualTo("replica");
                assertThat(own.standby()).as("%s", own).isTrue();
            }

            TripsResponse anonymous = client.get(null, anonymousTrace);
            assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(200);
            assertThat(anonymous.port())
                    .as("a GET without cookie reads on a standby: %s", anonymous)
                    .isIn(standbyPorts());
            assertThat(anonymous.standby())
                    .as("pg_is_in_recovery(): %s", anonymous)
                    .isTrue();
            assertThat(anonymous.reason()).as("%s", anonymous).isEqualTo("replica");

            assertLoggedOnlyOn(CLUSTER.primaryPort(), "trace=" + postTrace, "trips:create");
            assertLoggedOnlyOn(anonymous.port(), "trace=" + anonymousTrace, "trips:list");
            assertLoggedOnlyOn(own.port(), "trace=" + readTrace, "trips:list");
        }
    }

    @Test
    void readYourWrites_causalWithLaggingStandbys_readsOwnWriteOnPrimaryUntilReplayed() throws Exception {
        try (TripsApp app = app("--consistency", "causal")) {
            TripsClient client = new TripsClient(app.start());
            String name = unique("Porto");
            CLUSTER.setApplyDelay(1, Duration.ofSeconds(5));
            CLUSTER.setApplyDelay(2, Duration.ofSeconds(5));
            TripsResponse created;
            try {
                created = client.post(name, unique("post"));
                assertThat(created.status()).as("%s", created).isEqualTo(201);

                TripsResponse own = client.get(created.cookie(), unique("own"));
                assertThat(own.port())
                        .as("no standby has the write: the writer reads on the primary: %s", own)
                        .isEqualTo(CLUSTER.primaryPort());
                assertThat(own.reason()).as("%s", own).isEqualTo("position_not_replicated");
                assertThat(own.entry()).as("%s", own).isEqualTo("primary");
                assertThat(own.lists(name)).as("%s", own).isTrue();

                TripsResponse other = client.get(null, unique("other"));
                assertThat(other.port())
                        .as("another client still reads on a standby: %s", other)
                        .isIn(standbyPorts());
                assertThat(other.reason()).as("%s", other).isEqualTo("replica");
                assertThat(other.lists(name))
                        .as("the standbys replay 5 s late: %s", other)
                        .isFalse();
            } finally {
                CLUSTER.setApplyDelay(1, Duration.ZERO);
                CLUSTER.setApplyDelay(2, Duration.ZERO);
            }
            CLUSTER.waitForReplay(1);
            CLUSTER.waitForReplay(2);

            TripsResponse caughtUp = client.get(created.cookie(), unique("caught-up"));
            assertThat(caughtUp.port())
                    .as("once replayed, the writer reads on a standby: %s", caughtUp)
                    .isIn(standbyPorts());
            assertThat(caughtUp.reason()).as("%s", caughtUp).isEqualTo("replica");
            assertThat(caughtUp.lists(name)).as("%s", caughtUp).isTrue();
        }
    }

    @Test
    void readYourWrites_timeWindow_readsOnPrimaryForTheDelayThenOnStandby() throws Exception {
        try (TripsApp app = app("--consistency", "window", "--delay-ms", "1000")) {
            TripsClient client = new TripsClient(app.start());
            String name = unique("Faro");
            TripsResponse created = client.post(name, unique("post"));
            assertThat(created.status()).as("%s", created).isEqualTo(201);

            TripsResponse within = client.get(created.cookie(), unique("within"));
            assertThat(within.port())
                    .as("within the window: primary: %s", within)
                    .isEqualTo(CLUSTER.primaryPort());
            assertThat(within.reason()).as("%s", within).isEqualTo("window_primary");
            assertThat(within.lists(name)).as("%s", within).isTrue();

            Thread.sleep(1_100);
            TripsResponse after = client.get(created.cookie(), unique("after"));
            assertThat(after.port())
                    .as("after the window: a standby: %s", after)
                    .isIn(standbyPorts());
            assertThat(after.reason()).as("%s", after).isEqualTo("replica");
        }
    }

    @Test
    void standbyStopped_during1000Gets_noRequestFailsAndStandby1TakesOver() throws Exception {
        int threads = 4;
        int perThread = 250;
        try (TripsApp app = app()) {
            TripsClient client = new TripsClient(app.start());
            AtomicInteger done = new AtomicInteger();
            List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    workers.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            outcomes.add(Outcome.of(client, done));
                        }
                        return null;
                    }));
                }
                while (done.get() < STOP_AFTER) {
                    Thread.sleep(1);
                }
                try {
                    long stopping = System.nanoTime();
                    CLUSTER.stopStandby(2);
                    long stopped = System.nanoTime();
                    for (Future<?> worker : workers) {
                        worker.get();
                    }
                    assertAllServed(outcomes, stopping, stopped);
                } finally {
                    CLUSTER.startStandby(2);
                }
            } finally {
                pool.shutdownNow();
            }
            assertSpreadAgain(client);
        }
    }

    /** One GET of the load test: when it started and ended, and its answer (or the exception). */
    private record Outcome(int index, long started, long ended, TripsResponse response, String error) {
        static Outcome of(TripsClient client, AtomicInteger done) {
            long started = System.nanoTime();
            try {
                TripsResponse response = client.get(null, "load");
                return new Outcome(done.getAndIncrement(), started, System.nanoTime(), response, null);
            } catch (IOException | InterruptedException e) {
                return new Outcome(done.getAndIncrement(), started, System.nanoTime(), null, e.toString());
            }
        }

        boolean failed() {
            return error != null || response.status() != 200;
        }
    }

    /** No GET failed; those sent after standby 2 was down ({@code stopped}) all went to standby 1. */
    private static void assertAllServed(List<Outcome> outcomes, long stopping, long stopped) {
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparingInt(Outcome::index));
        assertThat(sorted).hasSize(1_000);
        System.out.println("TripsAppIT: 1000 GETs, standby 2 stopped after #" + STOP_AFTER + "; served before the stop "
                + servedBy(sorted, o -> o.ended() < stopping) + ", while stopping "
                + servedBy(sorted, o -> o.ended() >= stopping && o.started() <= stopped) + ", after "
                + servedBy(sorted, o -> o.started() > stopped) + " (port: count, -1 = failed)");
        List<String> failures = sorted.stream()
                .filter(Outcome::failed)
                .map(o -> "#" + o.index() + ": " + (o.error() != null ? o.error() : o.response()))
                .toList();
        assertThat(failures).as("GETs that failed around the stop of standby 2").isEmpty();
        int standby1 = CLUSTER.standbyPort(1);
        List<String> notOnStandby1 = sorted.stream()
                .filter(o -> o.started() > stopped && o.response().port() != standby1)
                .map(o -> "#" + o.index() + ": " + o.response())
                .toList();
        long after = sorted.stream().filter(o -> o.started() > stopped).count();
        assertThat(after).as("GETs sent after standby 2 stopped").isGreaterThan(0);
        assertThat(notOnStandby1)
                .as("GETs sent after standby 2 stopped (%d) not served by standby 1", after)
                .isEmpty();
        long onStandby2 = sorted.stream()
                .filter(o -> o.ended() < stopping && o.response().port() == CLUSTER.standbyPort(2))
                .count();
        assertThat(onStandby2).as("GETs served by standby 2 before it stopped").isGreaterThan(0);
    }

    private static Map<Integer, Long> servedBy(List<Outcome> outcomes, Predicate<Outcome> which) {
        return outcomes.stream()
                .filter(which)
                .collect(Collectors.groupingBy(
                        o -> o.failed() ? -1 : o.response().port(), TreeMap::new, Collectors.counting()));
    }

    /** After standby 2 is back, GETs reach both standbys again within 30 s (health checks readmit it). */
    private static void assertSpreadAgain(TripsClient client) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<Integer> seen = new HashSet<>();
        TripsResponse last = null;
        while (System.nanoTime() < deadline && seen.size() < 2) {
            seen.clear();
            for (int i = 0; i < 10; i++) {
                last = client.get(null, "spread");
                assertThat(last.status()).as("%s", last).isEqualTo(200);
                seen.add(last.port());
            }
            if (seen.size() < 2) {
                Thread.sleep(200);
            }
        }
        assertThat(seen)
                .as("ports serving 10 GETs after standby 2 restarted; last answer %s", last)
                .containsExactlyInAnyOrderElementsOf(standbyPorts());
    }

    /** {@code marker} appears in the log of the server at {@code port} (in a {@code kind} statement) and no other. */
    private static void assertLoggedOnlyOn(int port, String marker, String kind) throws InterruptedException {
        long deadline = System.nanoTime() + LOG_WAIT.toNanos();
        while (CLUSTER.statementLog(port, marker).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(CLUSTER.statementLog(port, marker))
                .as("statements with %s in the log of port %d", marker, port)
                .isNotEmpty()
                .allMatch(line -> line.contains(kind));
        for (int other : List.of(CLUSTER.primaryPort(), CLUSTER.standbyPort(1), CLUSTER.standbyPort(2))) {
            if (other != port) {
                assertThat(CLUSTER.statementLog(other, marker))
                        .as("statements with %s in the log of port %d (it ran on %d)", marker, other, port)
                        .isEmpty();
            }
        }
    }
}
