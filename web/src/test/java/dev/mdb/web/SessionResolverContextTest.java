package dev.mdb.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.runtime.ReadConsistency;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionResolverContextTest {
    @TempDir
    Path dir;

    private WebFixture fixture;
    private TestServer server;

    @BeforeEach
    void setUp() throws Exception {
        fixture = WebFixture.create(dir, WebFixture.PRIMARY_AND_REPLICA);
        DatabaseSelector selector = DatabaseSelector.builder(fixture.mdb())
                .consistency(ReadConsistency.timeWindow(Duration.ofSeconds(30)))
                .build();
        server = new TestServer(new ProbeServlet(fixture.mdb()), List.of(new DatabaseSelectorFilter(selector)));
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        fixture.close();
    }

    @Test
    void get_createsNoSession() throws Exception {
        HttpResponse<String> response = server.get("/read");

        assertThat(response.body()).isEqualTo("replica");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void post_storesStateInSession_laterGetReadsPrimary() throws Exception {
        String session = TestServer.cookie(server.post("/write"), "JSESSIONID");

        assertThat(session).isNotNull();
        HttpResponse<String> read = server.get("/read", "Cookie", session);
        assertThat(read.body()).isEqualTo("primary");
        assertThat(read.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(server.get("/read").body()).isEqualTo("replica");
    }

    @Test
    void post_createsSessionBeforeTheBodyCommits() throws Exception {
        HttpResponse<String> response = server.post("/flush-then-write");

        assertThat(response.body()).isEqualTo("flushed");
        assertThat(TestServer.cookie(response, "JSESSIONID")).isNotNull();
    }

    @Test
    void post_wroteNothing_sessionHasNoState() throws Exception {
        String session = TestServer.cookie(server.post("/noop"), "JSESSIONID");

        assertThat(server.get("/read", "Cookie", session).body()).isEqualTo("replica");
    }
}
