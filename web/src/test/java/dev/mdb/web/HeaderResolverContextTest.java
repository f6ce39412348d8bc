package dev.mdb.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.runtime.ConsistencyState;
import dev.mdb.runtime.ReadConsistency;
import dev.mdb.runtime.RouteKey;
import dev.mdb.runtime.WriteMark;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderResolverContextTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-header";

    @TempDir
    Path dir;

    private WebFixture fixture;
    private TestServer server;
    private HeaderResolverContext header;
    private SignedCookieResolverContext cookie;

    @BeforeEach
    void setUp() throws Exception {
        fixture = WebFixture.create(dir, WebFixture.PRIMARY_AND_REPLICA);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        fixture.close();
    }

    private void start(ResolverContext context) throws Exception {
        DatabaseSelector selector = DatabaseSelector.builder(fixture.mdb())
                .consistency(ReadConsistency.timeWindow(Duration.ofSeconds(30)))
                .context(context)
                .build();
        server = new TestServer(new ProbeServlet(fixture.mdb()), List.of(new DatabaseSelectorFilter(selector)));
    }

    private void startWithHeader() throws Exception {
        header = HeaderResolverContext.builder().secret(SECRET).build();
        start(header);
    }

    private void startComposite() throws Exception {
        header = HeaderResolverContext.builder().secret(SECRET).build();
        cookie = SignedCookieResolverContext.builder()
                .secret(SECRET)
                .secure(false)
                .build();
        start(CompositeResolverContext.of(cookie, header));
    }

    @Test
    void post_returnsHeader_echoedHeaderReadsPrimary() throws Exception {
        startWithHeader();

        HttpResponse<String> write = server.post("/write");
        String token = write.headers().firstValue("Mdb-Consistency").orElseThrow();

        assertThat(write.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(server.get("/read", "Mdb-Consistency", token).body()).isEqualTo("primary");
        assertThat(server.get("/read").body()).isEqualTo("replica");
    }

    @Test
    void get_headerWhoseMarkExpired_answeredWithAnEmptyHeader() throws Exception {
        startWithHeader();
        FakeExchange issued = new FakeExchange("POST");
        header.save(
                issued,
                issued,
                ConsistencyState.of(
                        Map.of(RouteKey.of("primary", "default"), WriteMark.at(System.currentTimeMillis() - 31_000))),
                Duration.ofSeconds(60));
        String expired = issued.responseHeaders("Mdb-Consistency").get(0);

        HttpResponse<String> read = server.get("/read", "Mdb-Consistency", expired);

        assertThat(read.body()).isEqualTo("replica");
        assertThat(read.headers().allValues("Mdb-Consistency")).containsExactly("");
        assertThat(server.get("/read", "Mdb-Consistency", "").headers().map()).doesNotContainKey("mdb-consistency");
    }

    @Test
    void get_invalidHeader_ignoredAndCounted() throws Exception {
        startWithHeader();

        assertThat(server.get("/read", "Mdb-Consistency", "forged.value").body())
                .isEqualTo("replica");
        assertThat(header.invalidCount()).isEqualTo(1);
    }

    @Test
    void get_readingRequest_setsNoHeader() throws Exception {
        startWithHeader();

        assertThat(server.get("/read").headers().firstValue("Mdb-Consistency")).isEmpty();
    }

    @Test
    void composite_post_savesCookieAndHeader() throws Exception {
        startComposite();

        HttpResponse<String> write = server.post("/write");

        assertThat(TestServer.cookie(write, "mdb_ctx")).isNotNull();
        assertThat(write.headers().firstValue("Mdb-Consistency")).isPresent();
    }

    @Test
    void composite_get_readsStateFromEitherPlace() throws Exception {
        startComposite();
        HttpResponse<String> write = server.post("/write");
        String browserCookie = TestServer.cookie(write, "mdb_ctx");
        String apiToken = write.headers().firstValue("Mdb-Consistency").orElseThrow();

        assertThat(server.get("/read", "Cookie", browserCookie).body()).isEqualTo("primary");
        assertThat(server.get("/read", "Mdb-Consistency", apiToken).body()).isEqualTo("primary");
        assertThat(server.get("/read", "Cookie", "mdb_ctx=garbage", "Mdb-Consistency", apiToken)
                        .body())
                .isEqualTo("primary");
        assertThat(server.get("/read").body()).isEqualTo("replica");
    }
}
