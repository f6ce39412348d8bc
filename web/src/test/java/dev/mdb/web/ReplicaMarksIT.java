package dev.mdb.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReplicaStatus;
import dev.mdb.runtime.TargetState;
import dev.mdb.testsupport.PostgresReplicaCluster;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The read-your-writes marks a client holds, over HTTP, on a real PostgreSQL primary with two streaming hot standbys
 * and the causal strategy: a mark is dropped (cookie deleted, empty header, session entry removed) by the first
 * request after every standby in rotation has replayed it, and stays while one of them has not.
 */
@Tag("postgresql")
class ReplicaMarksIT {
    @RegisterExtension
    static final PostgresReplicaCluster CLUSTER = PostgresReplicaCluster.create();

    private static final String SECRET = "0123456789abcdef0123456789abcdef-replica-marks";
    private static final Pattern POSITION = Pattern.compile("\\|pg:[0-9]+:([0-9a-fA-F]+/[0-9a-fA-F]+)");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path project;

    private Mdb mdb;
    private TestServer server;

    /** Where the client keeps its state, and how the test carries it and tells what the server did with it. */
    enum Kind {
        COOKIE,
        HEADER,
        SESSION;

        ResolverContext context() {
            return switch (this) {
                case COOKIE ->
                    SignedCookieResolverContext.builder()
                            .secret(SECRET)
                            .secure(false)
                            .build();
                case HEADER -> HeaderResolverContext.builder().secret(SECRET).build();
                case SESSION -> new SessionResolverContext();
            };
        }

        /** The request headers that carry the state {@code written} (a writing request's response) gave the client. */
        String[] carried(HttpResponse<String> written) {
            return switch (this) {
                case COOKIE -> new String[] {"Cookie", TestServer.cookie(written, "mdb_ctx")};
                case HEADER ->
                    new String[] {
                        "Mdb-Consistency",
                        written.headers().firstValue("Mdb-Consistency").orElseThrow()
                    };
                case SESSION -> new String[] {"Cookie", TestServer.cookie(written, "JSESSIONID")};
            };
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        String database = CLUSTER.createDatabase();
        try (Connection c = CLUSTER.connect(CLUSTER.primaryPort(), database);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE source (marker text)");
            s.execute("INSERT INTO source VALUES ('postgresql')");
            s.execute("CREATE TABLE items (id serial PRIMARY KEY, name text)");
        }
        CLUSTER.waitForReplay(1);
        CLUSTER.waitForReplay(2);
        // A 30 s lag limit keeps a standby whose apply is delayed by 10 s in rotation.
        String yml = "production:\n  primary:\n" + CLUSTER.ymlEntry(CLUSTER.primaryPort(), database)
                + "    health_check_interval: 0.1\n    max_replication_lag: 30\n"
                + "  primary_replica_1:\n" + CLUSTER.ymlEntry(CLUSTER.standbyPort(1), database)
                + "    replica: true\n"
                + "  primary_replica_2:\n" + CLUSTER.ymlEntry(CLUSTER.standbyPort(2), database)
                + "    replica: true\n";
        mdb = Mdb.of(DatabaseConfigurations.parse(yml, "database.yml", "production", Map.of()), "production", project);
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        if (mdb != null) {
            mdb.close();
        }
    }

    private void start(Kind kind) throws Exception {
        DatabaseSelector selector = DatabaseSelector.builder(mdb)
                .context(kind.context())
                .debugHeader(true)
                .build();
        server = new TestServer(new ProbeServlet(mdb), List.of(new DatabaseSelectorFilter(selector)));
        assertThat(server.get("/read").body()).isEqualTo("postgresql"); // starts the health checks
        await(
                "both standbys up",
                () -> mdb.replicas().status(false).stream().allMatch(r -> r.state() == TargetState.UP));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void get_afterBothStandbysReplayedTheWrite_dropsTheMark_andReadsAStandby(Kind kind) throws Exception {
        start(kind);
        HttpResponse<String> post = server.post("/write");
        String[] client = kind.carried(post);
        String position = position(heldState(kind, client));
        awaitReplayed(1, position);
        awaitReplayed(2, position);

        HttpResponse<String> get = server.get("/read", client);

        assertThat(route(get)).as("%s", get.headers()).matches("primary/default reading primary_replica_[12] replica");
        switch (kind) {
            case COOKIE ->
                assertThat(TestServer.setCookie(get, "mdb_ctx"))
                        .as("the cookie is deleted")
                        .isEqualTo("mdb_ctx=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
            case HEADER ->
                assertThat(get.headers().allValues("Mdb-Consistency"))
                        .as("the header is emptied")
                        .containsExactly("");
            case SESSION ->
                assertThat(heldState(kind, client))
                        .as("the session entry is removed")
                        .isEqualTo("none");
        }
    }

    @Test
    void get_whileAStandbyInRotationHasNotReplayedTheWrite_keepsTheMark_andReadsTheOtherStandby() throws Exception {
        start(Kind.COOKIE);
        CLUSTER.setApplyDelay(1, Duration.ofSeconds(10));
        String[] client;
        String position;
        try {
            client = Kind.COOKIE.carried(server.post("/write"));
            position = position(heldState(Kind.COOKIE, client));
            awaitReplayed(2, position);

            // Over a second of health probes (every 0.1 s), the mark stays: standby 1 is in rotation and behind.
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            int requests = 0;
            while (System.nanoTime() < until || requests < 5) {
                HttpResponse<String> get = server.get("/read", client);
                assertThat(route(get))
                        .as("request %d", requests)
                        .isEqualTo("primary/default reading primary_replica_2 replica");
                assertThat(get.headers().allValues("Set-Cookie"))
                        .as("request %d leaves the cookie as it is", requests)
                        .isEmpty();
                requests++;
            }
            assertThat(state("primary_replica_1").inRotation()).isTrue();
            assertThat(replayedOn(1, position)).as("standby 1 still behind").isFalse();
        } finally {
            CLUSTER.setApplyDelay(1, Duration.ZERO);
        }
        awaitReplayed(1, position);

        HttpResponse<String> caughtUp = server.get("/read", client);

        assertThat(TestServer.setCookie(caughtUp, "mdb_ctx"))
                .isEqualTo("mdb_ctx=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    /** The state text the client holds: the signed payload of a cookie or header, or what the session keeps. */
    private String heldState(Kind kind, String[] client) throws Exception {
        if (kind == Kind.SESSION) {
            return server.get("/session-state", client).body();
        }
        String value = client[1].substring(client[1].indexOf('=') + 1);
        return new String(
                Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))), StandardCharsets.US_ASCII);
    }

    /** The WAL position of the mark in {@code state}. */
    private static String position(String state) {
        Matcher matcher = POSITION.matcher(state);
        assertThat(matcher.find()).as("a PostgreSQL position in %s", state).isTrue();
        return matcher.group(1);
    }

    private static String route(HttpResponse<String> response) {
        return response.headers().firstValue(DatabaseSelector.ROUTE_HEADER).orElse("(none)");
    }

    private ReplicaStatus state(String entry) {
        return mdb.replicas().statusOf(entry).orElseThrow();
    }

    private static boolean replayedOn(int standby, String position) throws SQLException {
        try (Connection c = CLUSTER.connect(CLUSTER.standbyPort(standby), null);
                PreparedStatement p =
                        c.prepareStatement("SELECT coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, false)")) {
            p.setString(1, position);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void awaitReplayed(int standby, String position) throws InterruptedException {
        await("standby " + standby + " to replay " + position, () -> {
            try {
                return replayedOn(standby, position);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
