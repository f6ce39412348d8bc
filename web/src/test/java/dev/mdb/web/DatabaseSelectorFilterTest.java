package dev.mdb.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReadConsistency;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSelectorFilterTest {
    static final Duration DELAY = Duration.ofMillis(500);
    static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";

    @TempDir
    Path dir;

    private WebFixture fixture;
    private ProbeServlet servlet;
    private TestServer server;

    @BeforeEach
    void setUp() throws Exception {
        fixture = WebFixture.create(dir, WebFixture.PRIMARY_AND_REPLICA);
        servlet = new ProbeServlet(fixture.mdb());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        fixture.close();
    }

    private void start(UnaryOperator<DatabaseSelector.Builder> options) throws Exception {
        DatabaseSelector selector = options.apply(DatabaseSelector.builder(fixture.mdb())
                        .consistency(ReadConsistency.timeWindow(DELAY))
                        .context(SignedCookieResolverContext.builder()
                                .secret(SECRET)
                                .secure(false)
                                .build()))
                .build();
        server = new TestServer(servlet, List.of(new DatabaseSelectorFilter(selector)));
    }

    private void start() throws Exception {
        start(options -> options);
    }

    @Test
    void get_newClient_readsReplica() throws Exception {
        start();

        HttpResponse<String> response = server.get("/read");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("replica");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void post_writes_primaryAndSignedCookie() throws Exception {
        start();

        HttpResponse<String> response = server.post("/write");

        assertThat(response.body()).isEqualTo("wrote");
        assertThat(fixture.items("primary")).isEqualTo(1);
        assertThat(fixture.items("replica")).isZero();
        assertThat(TestServer.setCookie(response, "mdb_ctx"))
                .matches("mdb_ctx=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+; Path=/; Max-Age=1; HttpOnly; SameSite=Lax");
    }

    @Test
    void getAfterPost_withCookie_readsPrimaryUntilTheDelayPassed() throws Exception {
        start();
        long postStarted = System.nanoTime();
        String cookie = TestServer.cookie(server.post("/write"), "mdb_ctx");

        assertThat(server.get("/read", "Cookie", cookie).body()).isEqualTo("primary");
        long replicaAfter = pollUntilReplica(cookie);

        assertThat(Duration.ofNanos(replicaAfter - postStarted)).isGreaterThanOrEqualTo(DELAY);
    }

    @Test
    void asyncGet_workStartedOnTheAsyncContext_readsReplicaAndWritesAreRefused() throws Exception {
        start();

        assertThat(server.get("/async-read").body()).isEqualTo("replica");
        assertThat(server.get("/async-insert").body()).isEqualTo("refused 25006");
        assertThat(fixture.items("primary")).isZero();
    }

    @Test
    void asyncPost_writeOnTheAsyncContext_recordedInTheCookieSavedAtComplete() throws Exception {
        start();

        HttpResponse<String> response = server.post("/async-write");

        assertThat(response.body()).isEqualTo("wrote");
        assertThat(fixture.items("primary")).isEqualTo(1);
        String cookie = TestServer.cookie(response, "mdb_ctx");
        assertThat(cookie).as("Set-Cookie of %s", response.headers()).isNotNull();
        assertThat(server.get("/read", "Cookie", cookie).body()).isEqualTo("primary");
    }

    @Test
    void getAfterPost_otherClientWithoutCookie_readsReplica() throws Exception {
        start();
        server.post("/write");

        assertThat(server.get("/read").body()).isEqualTo("replica");
    }

    @Test
    void post_throwsAfterWriting_stillSetsCookie() throws Exception {
        start();

        HttpResponse<String> response = server.post("/fail");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(fixture.items("primary")).isEqualTo(1);
        String cookie = TestServer.cookie(response, "mdb_ctx");
        assertThat(cookie).isNotNull();
        assertThat(server.get("/read", "Cookie", cookie).body()).isEqualTo("primary");
    }

    @Test
    void post_wroteNothing_actualWrites_setsNoCookie() throws Exception {
        start();

        HttpResponse<String> response = server.post("/noop");

        assertThat(response.body()).isEqualTo("noop");
        assertThat(TestServer.setCookie(response, "mdb_ctx")).isNull();
    }

    @Test
    void post_wroteNothing_anyUnsafeMethod_recordsWrite() throws Exception {
        start(options -> options.writeTracking(WriteTracking.ANY_UNSAFE_METHOD));

        String cookie = TestServer.cookie(server.post("/noop"), "mdb_ctx");

        assertThat(cookie).isNotNull();
        assertThat(server.get("/read", "Cookie", cookie).body()).isEqualTo("primary");
    }

    @Test
    void post_failedWithoutWriting_anyUnsafeMethod_recordsWrite() throws Exception {
        start(options -> options.writeTracking(WriteTracking.ANY_UNSAFE_METHOD));

        HttpResponse<String> response = server.post("/fail-without-write");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(TestServer.cookie(response, "mdb_ctx")).isNotNull();
    }

    @Test
    void post_failedWithoutWriting_actualWrites_setsNoCookie() throws Exception {
        start();

        HttpResponse<String> response = server.post("/fail-without-write");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(TestServer.setCookie(response, "mdb_ctx")).isNull();
    }

    @Test
    void post_flushesAfterWriting_cookieSentBeforeCommit() throws Exception {
        start();

        HttpResponse<String> response = server.post("/write-then-flush");

        assertThat(response.body()).isEqualTo("wrote and more");
        assertThat(TestServer.cookie(response, "mdb_ctx")).isNotNull();
    }

    @Test
    void post_redirectsAfterWriting_cookieOnRedirect() throws Exception {
        start();

        HttpResponse<String> response = server.post("/write-then-redirect");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(TestServer.cookie(response, "mdb_ctx")).isNotNull();
    }

    @Test
    void post_bodyOverBufferLimit_cookieSentBeforeCommit() throws Exception {
        DatabaseSelector selector = DatabaseSelector.builder(fixture.mdb())
                .context(SignedCookieResolverContext.builder()
                        .secret(SECRET)
                        .secure(false)
                        .build())
                .build();
        server = new TestServer(servlet, List.of(new DatabaseSelectorFilter(selector, 1024)));

        HttpResponse<String> response = server.post("/big");

        assertThat(response.body()).hasSize(100_000);
        assertThat(TestServer.cookie(response, "mdb_ctx")).isNotNull();
    }

    @Test
    void post_writesAfterCommit_notInCookie() throws Exception {
        start();

        HttpResponse<String> response = server.post("/flush-then-write");

        assertThat(response.body()).isEqualTo("flushed");
        assertThat(fixture.items("primary")).isEqualTo(1);
        assertThat(TestServer.setCookie(response, "mdb_ctx")).isNull();
    }

    @Test
    void get_insert_refusedByReadingRole() throws Exception {
        start();

        assertThat(server.get("/insert").body()).isEqualTo("refused 25006");
        assertThat(fixture.items("primary")).isZero();
    }

    @Test
    void get_insertInExplicitWritingFrame_notStrict_writesAndRecords() throws Exception {
        start();

        HttpResponse<String> response = server.get("/insert-explicit");

        assertThat(response.body()).isEqualTo("wrote");
        assertThat(fixture.items("primary")).isEqualTo(1);
        String cookie = TestServer.cookie(response, "mdb_ctx");
        assertThat(cookie).isNotNull();
        assertThat(server.get("/read", "Cookie", cookie).body()).isEqualTo("primary");
    }

    @Test
    void get_insertInExplicitWritingFrame_strict_refused() throws Exception {
        start(options -> options.strict(true));

        assertThat(server.get("/insert-explicit").body()).isEqualTo("refused 25006");
        assertThat(server.get("/insert").body()).isEqualTo("refused 25006");
        assertThat(fixture.items("primary")).isZero();
    }

    @Test
    void post_strict_stillWrites() throws Exception {
        start(options -> options.strict(true));

        assertThat(server.post("/write").body()).isEqualTo("wrote");
        assertThat(fixture.items("primary")).isEqualTo(1);
    }

    @Test
    void options_treatedAsReadWhenConfigured() throws Exception {
        start(options -> options.resolver(Resolver.safeMethods(true)));

        assertThat(server.send("OPTIONS", "/read").body()).isEqualTo("replica");
    }

    @Test
    void options_writingByDefault() throws Exception {
        start();

        assertThat(server.send("OPTIONS", "/read").body()).isEqualTo("primary");
    }

    @Test
    void debugHeader_enabled_namesTargetAndReason() throws Exception {
        start(options -> options.debugHeader(true));

        assertThat(server.get("/read").headers().allValues(DatabaseSelector.ROUTE_HEADER))
                .containsExactly("primary/default reading primary_replica replica");
        String cookie = TestServer.cookie(server.post("/write"), "mdb_ctx");
        assertThat(server.get("/read", "Cookie", cookie).headers().allValues(DatabaseSelector.ROUTE_HEADER))
                .containsExactly("primary/default reading primary window_primary");
    }

    @Test
    void debugHeader_roleNamesConfigured_printsThem() throws Exception {
        try (Mdb named = Mdb.builder(dir.resolve("database.yml"), "development")
                .environment(Map.of())
                .roleNames("primary", "replica")
                .build()) {
            server = new TestServer(
                    new ProbeServlet(named),
                    List.of(new DatabaseSelectorFilter(DatabaseSelector.builder(named)
                            .consistency(ReadConsistency.timeWindow(DELAY))
                            .debugHeader(true)
                            .build())));

            assertThat(server.get("/read").headers().allValues(DatabaseSelector.ROUTE_HEADER))
                    .containsExactly("primary/default replica primary_replica replica");
            assertThat(server.post("/write").headers().allValues(DatabaseSelector.ROUTE_HEADER))
                    .containsExactly("primary/default primary primary route");
        }
    }

    @Test
    void debugHeader_disabledByDefault() throws Exception {
        start();

        assertThat(server.get("/read").headers().firstValue(DatabaseSelector.ROUTE_HEADER))
                .isEmpty();
    }

    @Test
    void writer_encodesWithTheResponseCharset() throws Exception {
        start();

        HttpResponse<String> response = server.get("/utf8");

        assertThat(response.body()).isEqualTo("h\u00e9 \u20ac");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).containsIgnoringCase("charset=utf-8"));
    }

    @Test
    void writer_charsetFixedOnceObtained() throws Exception {
        start();

        HttpResponse<String> response = server.get("/late-charset");

        assertThat(response.body()).isEqualTo("h\u00e9");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).containsIgnoringCase("charset=iso-8859-1"));
    }

    /** Reads with {@code cookie} until the replica serves; returns when it first did ({@link System#nanoTime()}). */
    private long pollUntilReplica(String cookie) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (server.get("/read", "Cookie", cookie).body().equals("replica")) {
                return System.nanoTime();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the replica never served the client after its write");
    }
}
