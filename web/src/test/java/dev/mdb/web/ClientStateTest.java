package dev.mdb.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.runtime.ConsistencyState;
import dev.mdb.runtime.ReadConsistency;
import dev.mdb.runtime.RouteKey;
import dev.mdb.runtime.WriteMark;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@link DatabaseSelection#commit} leaves the client holding when marks it sent no longer constrain its reads,
 * the same for the cookie, header and session contexts, driven without a server. The SQLite databases have no
 * positions, so marks expire by the time window (2 s); dropping replayed positions is covered by {@code
 * RecordWritesTest} and {@code ReplicaMarksIT}.
 */
class ClientStateTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-client-state";
    static final Duration WINDOW = Duration.ofSeconds(2);
    static final RouteKey DEFAULT = RouteKey.of("primary", "default");
    static final RouteKey SHARD_ONE = RouteKey.of("primary", "shard_one");

    @TempDir
    Path dir;

    private WebFixture fixture;

    /** Where the client keeps its state, and how a test hands it one and reads back what it holds afterwards. */
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

        /** A request of {@code method} whose client holds {@code state}. */
        FakeExchange client(String method, ResolverContext context, ConsistencyState state) {
            FakeExchange request = new FakeExchange(method);
            FakeExchange issued = new FakeExchange("POST");
            switch (this) {
                case COOKIE -> {
                    context.save(issued, issued, state, Duration.ofSeconds(30));
                    request.cookie("mdb_ctx", issued.cookieSet("mdb_ctx"));
                }
                case HEADER -> {
                    context.save(issued, issued, state, Duration.ofSeconds(30));
                    request.header(
                            "Mdb-Consistency",
                            issued.responseHeaders("Mdb-Consistency").get(0));
                }
                case SESSION -> request.session(Map.of(SessionResolverContext.DEFAULT_ATTRIBUTE, state.encode()));
            }
            return request;
        }

        /** Whether the response told the client to hold nothing any more. */
        boolean removed(FakeExchange exchange) {
            return switch (this) {
                case COOKIE ->
                    exchange.responseHeaders("Set-Cookie")
                            .equals(List.of("mdb_ctx=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"));
                case HEADER -> exchange.responseHeaders("Mdb-Consistency").equals(List.of(""));
                case SESSION -> !exchange.sessionAttributes().containsKey(SessionResolverContext.DEFAULT_ATTRIBUTE);
            };
        }

        /** Whether the response saved nothing at all. */
        boolean untouched(FakeExchange exchange) {
            return switch (this) {
                case COOKIE -> exchange.responseHeaders("Set-Cookie").isEmpty();
                case HEADER -> exchange.responseHeaders("Mdb-Consistency").isEmpty();
                case SESSION -> exchange.sessionWrites() == 0;
            };
        }

        /** The state the response saved for the client. */
        ConsistencyState saved(ResolverContext context, FakeExchange exchange) {
            FakeExchange next = new FakeExchange("GET");
            switch (this) {
                case COOKIE -> next.cookie("mdb_ctx", exchange.cookieSet("mdb_ctx"));
                case HEADER ->
                    next.header(
                            "Mdb-Consistency",
                            exchange.responseHeaders("Mdb-Consistency").get(0));
                case SESSION -> next.session(exchange.sessionAttributes());
            }
            return context.load(next);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        fixture = WebFixture.create(dir, WebFixture.SHARDED);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private DatabaseSelector selector(ResolverContext context) {
        return DatabaseSelector.builder(fixture.mdb())
                .consistency(ReadConsistency.timeWindow(WINDOW))
                .context(context)
                .build();
    }

    private static WriteMark writtenAgo(long millis) {
        return WriteMark.at(System.currentTimeMillis() - millis);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void get_everyMarkExpired_clientStateRemoved(Kind kind) {
        ResolverContext context = kind.context();
        FakeExchange get = kind.client("GET", context, ConsistencyState.of(Map.of(DEFAULT, writtenAgo(10_000))));

        selector(context).handle(get, get, () -> null);

        assertThat(kind.removed(get)).as("response of %s", kind).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void get_markStillInForce_savesNothing(Kind kind) {
        ResolverContext context = kind.context();
        FakeExchange get = kind.client("GET", context, ConsistencyState.of(Map.of(DEFAULT, writtenAgo(10))));

        selector(context).handle(get, get, () -> null);

        assertThat(kind.untouched(get)).as("response of %s", kind).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void get_oneOfTwoMarksExpired_savesTheOtherOnly(Kind kind) {
        ResolverContext context = kind.context();
        WriteMark fresh = writtenAgo(10);
        FakeExchange get =
                kind.client("GET", context, ConsistencyState.of(Map.of(DEFAULT, writtenAgo(10_000), SHARD_ONE, fresh)));

        selector(context).handle(get, get, () -> null);

        assertThat(kind.saved(context, get).marks()).containsExactly(Map.entry(SHARD_ONE, fresh));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void get_noState_savesNothing(Kind kind) {
        ResolverContext context = kind.context();
        FakeExchange get = new FakeExchange("GET");

        selector(context).handle(get, get, () -> null);

        assertThat(kind.untouched(get)).isTrue();
        assertThat(get.sessionAttributes()).as("no session created").isNull();
    }

    @Test
    void post_writes_expiredMarkOfAnotherShardDropped_newMarkSaved() throws Exception {
        ResolverContext context = Kind.COOKIE.context();
        FakeExchange post =
                Kind.COOKIE.client("POST", context, ConsistencyState.of(Map.of(SHARD_ONE, writtenAgo(10_000))));

        selector(context).handle(post, post, this::insert);

        assertThat(Kind.COOKIE.saved(context, post).marks()).containsOnlyKeys(DEFAULT);
    }

    @Test
    void get_keptState_cookieLivesUntilItsNewestMarkExpires() {
        ResolverContext context = Kind.COOKIE.context();
        FakeExchange get = Kind.COOKIE.client(
                "GET", context, ConsistencyState.of(Map.of(DEFAULT, writtenAgo(10_000), SHARD_ONE, writtenAgo(1_200))));

        selector(context).handle(get, get, () -> null);

        assertThat(TestServer.maxAge(get.responseHeaders("Set-Cookie").get(0))).isEqualTo(1);
    }

    private Void insert() throws SQLException {
        try (Connection c = fixture.mdb().dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO items (name) VALUES ('x')");
        }
        return null;
    }
}
