package dev.mdb.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.runtime.internal.TargetPools;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardSelectorFilterTest {
    @TempDir
    Path dir;

    private WebFixture fixture;
    private ProbeServlet servlet;
    private TestServer server;

    @BeforeEach
    void setUp() throws Exception {
        fixture = WebFixture.create(dir, WebFixture.SHARDED);
        servlet = new ProbeServlet(fixture.mdb());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        fixture.close();
    }

    /** Both filters, shard selection outside database selection, as the README registers them. */
    private void start(ShardResolver resolver, UnaryOperator<ShardSelector.Builder> options) throws Exception {
        ShardSelector shards =
                options.apply(ShardSelector.builder(fixture.mdb(), resolver)).build();
        DatabaseSelector databases = DatabaseSelector.builder(fixture.mdb()).build();
        server = new TestServer(
                servlet, List.of(new ShardSelectorFilter(shards), new DatabaseSelectorFilter(databases)));
    }

    private void start(ShardResolver resolver) throws Exception {
        start(resolver, options -> options);
    }

    @Test
    void header_routesReadsAndWritesToTheShard() throws Exception {
        start(ShardResolver.header("X-Shard"));

        assertThat(server.get("/read", "X-Shard", "shard_one").body()).isEqualTo("shard_one_replica");
        assertThat(server.get("/read", "X-Shard", "shard_two").body()).isEqualTo("shard_two");
        assertThat(server.post("/write", "X-Shard", "shard_two").body()).isEqualTo("wrote");
        assertThat(fixture.items("shard_two")).isEqualTo(1);
        assertThat(fixture.items("shard_one")).isZero();
        assertThat(fixture.items("primary")).isZero();
    }

    @Test
    void subdomain_routesToTheShard() throws Exception {
        start(ShardResolver.subdomain());

        assertThat(server.get("/read", "Host", "shard_one.example.com").body()).isEqualTo("shard_one_replica");
        assertThat(server.post("/write", "Host", "shard_one.example.com").body())
                .isEqualTo("wrote");
        assertThat(fixture.items("shard_one")).isEqualTo(1);
    }

    @Test
    void pathPrefix_routesToTheShard() throws Exception {
        start(ShardResolver.pathPrefix());

        assertThat(server.get("/shard_two/read").body()).isEqualTo("shard_two");
        assertThat(server.post("/shard_one/write").body()).isEqualTo("wrote");
        assertThat(fixture.items("shard_one")).isEqualTo(1);
    }

    @Test
    void unknownShard_404NamingIt_andNoQueryAnywhere() throws Exception {
        start(ShardResolver.header("X-Shard"));

        HttpResponse<String> response = server.post("/write", "X-Shard", "shard_nine");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("Unknown shard 'shard_nine'.\n");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).isEqualToIgnoringCase("text/plain;charset=UTF-8"));
        assertThat(servlet.calls()).isZero();
        assertThat(fixture.mdb().dataSource().unwrap(TargetPools.class).created())
                .isEmpty();
    }

    @Test
    void unknownShard_configuredStatus() throws Exception {
        start(ShardResolver.header("X-Shard"), options -> options.unknownShardStatus(400));

        assertThat(server.get("/read", "X-Shard", "shard_nine").statusCode()).isEqualTo(400);
        assertThat(servlet.calls()).isZero();
    }

    @Test
    void unknownShard_nameEchoedSafely() throws Exception {
        start(ShardResolver.pathPrefix());

        HttpResponse<String> response = server.get("/%C3%A9%3Cb%3E/read");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("Unknown shard '?<b>'.\n");
    }

    @Test
    void missingShard_usesTheDefaultShard() throws Exception {
        start(ShardResolver.header("X-Shard"));

        assertThat(server.get("/read").body()).isEqualTo("replica");
        assertThat(server.post("/write").body()).isEqualTo("wrote");
        assertThat(fixture.items("primary")).isEqualTo(1);
    }

    @Test
    void missingShard_requiredShard_400() throws Exception {
        start(ShardResolver.header("X-Shard"), options -> options.requireShard(true));

        HttpResponse<String> response = server.get("/read");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Missing shard.\n");
        assertThat(servlet.calls()).isZero();
    }

    @Test
    void lock_requestCannotSwapShards() throws Exception {
        start(ShardResolver.header("X-Shard"));

        assertThat(server.get("/swap?to=shard_one", "X-Shard", "shard_two").body())
                .isEqualTo("prohibited: cannot swap `shard` while shard swapping is prohibited.");
    }

    @Test
    void lockOff_requestMaySwapShards() throws Exception {
        start(ShardResolver.header("X-Shard"), options -> options.lock(false));

        assertThat(server.post("/swap?to=shard_two", "X-Shard", "shard_one").body())
                .isEqualTo("shard_two");
    }
}
