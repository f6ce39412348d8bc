package dev.mdb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.runtime.ConsistencyState;
import dev.mdb.runtime.ReadConsistency;
import dev.mdb.runtime.RouteKey;
import dev.mdb.runtime.WriteMark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignedCookieResolverContextTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-current";
    static final String OLD_SECRET = "0123456789abcdef0123456789abcdef-previous";
    static final Duration RETENTION = Duration.ofSeconds(30);
    static final RouteKey PRIMARY = RouteKey.of("primary", "default");

    @TempDir
    Path dir;

    private WebFixture fixture;
    private TestServer server;
    private SignedCookieResolverContext serverContext;

    @BeforeEach
    void setUp() throws Exception {
        fixture = WebFixture.create(dir, WebFixture.PRIMARY_AND_REPLICA);
        serverContext = context(b -> b.secret(SECRET).secret(OLD_SECRET));
        DatabaseSelector selector = DatabaseSelector.builder(fixture.mdb())
                .consistency(ReadConsistency.timeWindow(RETENTION))
                .context(serverContext)
                .build();
        server = new TestServer(new ProbeServlet(fixture.mdb()), List.of(new DatabaseSelectorFilter(selector)));
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        fixture.close();
    }

    /** Ways a client can send a cookie the server must ignore. */
    enum Tampering {
        FLIPPED_PAYLOAD_BYTE {
            @Override
            String apply(String valid) {
                char c = valid.charAt(3);
                return valid.substring(0, 3) + (c == 'A' ? 'B' : 'A') + valid.substring(4);
            }
        },
        SIGNATURE_OF_ANOTHER_VALUE {
            @Override
            String apply(String valid) {
                String other = signed(context(b -> b.secret(SECRET)), state(System.currentTimeMillis() - 1000));
                return valid.substring(0, valid.indexOf('.')) + other.substring(other.indexOf('.'));
            }
        },
        PAYLOAD_WITHOUT_SIGNATURE {
            @Override
            String apply(String valid) {
                return valid.substring(0, valid.indexOf('.'));
            }
        },
        GARBAGE {
            @Override
            String apply(String valid) {
                return "not-base64!.%%%";
            }
        },
        FORGED_PAYLOAD {
            @Override
            String apply(String valid) {
                // the client extends its cookie's lifetime and keeps the signature
                String payload = System.currentTimeMillis() + ";86400;"
                        + state(System.currentTimeMillis()).encode();
                return Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(payload.getBytes(StandardCharsets.US_ASCII))
                        + valid.substring(valid.indexOf('.'));
            }
        },
        EXPIRED {
            @Override
            String apply(String valid) {
                Clock tenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
                return signed(context(b -> b.secret(SECRET).clock(tenMinutesAgo)), state(System.currentTimeMillis()));
            }
        },
        UNKNOWN_SECRET {
            @Override
            String apply(String valid) {
                return signed(
                        context(b -> b.secret("another-secret-of-at-least-32-bytes!!")),
                        state(System.currentTimeMillis()));
            }
        };

        abstract String apply(String valid);
    }

    @Test
    void get_validCookie_readsPrimary() throws Exception {
        String valid = signed(context(b -> b.secret(SECRET)), state(System.currentTimeMillis()));

        assertThat(server.get("/read", "Cookie", "mdb_ctx=" + valid).body()).isEqualTo("primary");
        assertThat(serverContext.invalidCount()).isZero();
    }

    @Test
    void get_cookieWhoseMarkExpired_deletedAndReadsReplica() throws Exception {
        String expired =
                signed(context(b -> b.secret(SECRET)), state(System.currentTimeMillis() - RETENTION.toMillis() - 1000));

        java.net.http.HttpResponse<String> response = server.get("/read", "Cookie", "mdb_ctx=" + expired);

        assertThat(response.body()).isEqualTo("replica");
        assertThat(TestServer.setCookie(response, "mdb_ctx"))
                .isEqualTo("mdb_ctx=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    @Test
    void get_cookieWhoseMarkIsInForce_leftAsItIs() throws Exception {
        String valid = signed(context(b -> b.secret(SECRET)), state(System.currentTimeMillis()));

        java.net.http.HttpResponse<String> response = server.get("/read", "Cookie", "mdb_ctx=" + valid);

        assertThat(response.body()).isEqualTo("primary");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Tampering.class)
    void get_tamperedCookie_ignoredAndCounted(Tampering tampering) throws Exception {
        String valid = signed(context(b -> b.secret(SECRET)), state(System.currentTimeMillis()));

        HttpResponse response = new HttpResponse(server.get("/read", "Cookie", "mdb_ctx=" + tampering.apply(valid)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("replica");
        assertThat(serverContext.invalidCount()).isEqualTo(1);
    }

    @Test
    void get_cookieSignedWithPreviousSecret_acceptedWhileListedSecond() throws Exception {
        String old = signed(context(b -> b.secret(OLD_SECRET)), state(System.currentTimeMillis()));

        assertThat(server.get("/read", "Cookie", "mdb_ctx=" + old).body()).isEqualTo("primary");
        assertThat(context(b -> b.secret(SECRET)).load(new FakeExchange("GET").cookie("mdb_ctx", old)))
                .isEqualTo(ConsistencyState.empty());
    }

    @Test
    void save_signsWithFirstSecret() {
        SignedCookieResolverContext rotating = context(b -> b.secret(SECRET).secret(OLD_SECRET));
        String value = signed(rotating, state(1000));

        assertThat(context(b -> b.secret(SECRET)).load(new FakeExchange("GET").cookie("mdb_ctx", value)))
                .isEqualTo(state(1000));
        assertThat(context(b -> b.secret(OLD_SECRET)).load(new FakeExchange("GET").cookie("mdb_ctx", value)))
                .isEqualTo(ConsistencyState.empty());
    }

    @Test
    void save_cookieAttributes_secureByDefault() {
        FakeExchange exchange = new FakeExchange("POST");

        SignedCookieResolverContext.builder()
                .secret(SECRET)
                .build()
                .save(exchange, exchange, state(System.currentTimeMillis()), Duration.ofMillis(1500));

        assertThat(exchange.responseHeaders("Set-Cookie"))
                .singleElement()
                .asString()
                .endsWith("; Path=/; Max-Age=2; HttpOnly; SameSite=Lax; Secure");
    }

    @Test
    void save_emptyState_clearsCookieTheClientSent() {
        FakeExchange exchange = new FakeExchange("POST").cookie("mdb_ctx", "old");

        context(b -> b.secret(SECRET)).save(exchange, exchange, ConsistencyState.empty(), RETENTION);

        assertThat(exchange.responseHeaders("Set-Cookie"))
                .containsExactly("mdb_ctx=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    @Test
    void save_overOneKilobyte_degradesToTimeOnlyMarks() {
        long now = System.currentTimeMillis();
        ConsistencyState big = ConsistencyState.empty();
        for (int i = 0; i < 20; i++) {
            big = big.with(
                    RouteKey.of("group" + i, "default"), new WriteMark(now, "pg:7312345678901234567:16/B374D848"));
        }
        SignedCookieResolverContext context = context(b -> b.secret(SECRET));
        String value = signed(context, big);

        assertThat(value.length()).isLessThanOrEqualTo(1024);
        assertThat(context.load(new FakeExchange("GET").cookie("mdb_ctx", value)))
                .isEqualTo(big.withoutPositions());
    }

    @Test
    void build_shortSecret_refusedWithoutEchoingIt() {
        assertThatThrownBy(() -> SignedCookieResolverContext.builder()
                        .secret("short-secret")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret 1 is 12 bytes long; it must be at least 32 bytes")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void build_noSecret_refused() {
        assertThatThrownBy(() -> SignedCookieResolverContext.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a secret");
    }

    static SignedCookieResolverContext context(UnaryOperator<SignedCookieResolverContext.Builder> options) {
        return options.apply(SignedCookieResolverContext.builder().secure(false))
                .build();
    }

    static ConsistencyState state(long writtenAtMillis) {
        return ConsistencyState.empty().with(PRIMARY, WriteMark.at(writtenAtMillis));
    }

    /** The cookie value {@code context} gives {@code state}. */
    static String signed(SignedCookieResolverContext context, ConsistencyState state) {
        FakeExchange exchange = new FakeExchange("POST");
        context.save(exchange, exchange, state, RETENTION);
        return exchange.cookieSet("mdb_ctx");
    }

    private record HttpResponse(int status, String body) {
        HttpResponse(java.net.http.HttpResponse<String> response) {
            this(response.statusCode(), response.body());
        }
    }
}
