package dev.mdb.web;

import dev.mdb.runtime.ConsistencyState;
import dev.mdb.web.internal.StateSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the client's state in a signed cookie, so no server state is needed and any load balancer works: {@code
 * mdb_ctx=base64url(payload).base64url(HMAC-SHA256(secret, payload))}, the payload holding the time it was issued, its
 * lifetime and the state. The cookie is {@code HttpOnly}, {@code SameSite=Lax}, {@code Path=/}, {@code Secure} unless
 * turned off, and lives for the consistency's retention. Over about 1 KB, marks lose their positions (reads then use
 * the time window). Several secrets can be given: the first signs, all verify, so a secret is rotated by putting the
 * new one first and dropping the old one after the retention. A cookie that is malformed, forged, signed with an
 * unknown secret or expired is ignored (the client reads as a new one) and counted in {@link #invalidCount()}.
 */
public final class SignedCookieResolverContext implements ResolverContext {
    /** The cookie name unless another is given. */
    public static final String DEFAULT_COOKIE = "mdb_ctx";

    static final int MAX_VALUE_CHARS = 1024;

    private final StateSigner signer;
    private final String cookieName;
    private final String path;
    private final boolean secure;

    private SignedCookieResolverContext(Builder builder) {
        this.signer = new StateSigner(builder.secrets, builder.clock, "SignedCookieResolverContext");
        this.cookieName = builder.cookieName;
        this.path = builder.path;
        this.secure = builder.secure;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ConsistencyState load(RequestView request) {
        Optional<String> value = request.cookie(cookieName);
        if (value.isEmpty() || value.get().isEmpty()) {
            return ConsistencyState.empty();
        }
        return signer.verify(value.get()).orElse(ConsistencyState.empty());
    }

    @Override
    public void save(RequestView request, ResponseView response, ConsistencyState state, Duration retention) {
        if (state.isEmpty()) {
            if (request.cookie(cookieName).isPresent()) {
                response.addHeader("Set-Cookie", cookieName + "=" + attributes(0));
            }
            return;
        }
        String value = signer.sign(state, retention, MAX_VALUE_CHARS);
        response.addHeader("Set-Cookie", cookieName + "=" + value + attributes(StateSigner.maxAgeSeconds(retention)));
    }

    private String attributes(long maxAgeSeconds) {
        return "; Path=" + path + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }

    /** How many cookies failed verification (malformed, forged, unknown secret, expired) since start. */
    public long invalidCount() {
        return signer.invalidCount();
    }

    public String cookieName() {
        return cookieName;
    }

    @Override
    public String toString() {
        return "SignedCookieResolverContext[" + cookieName + (secure ? ", secure" : "") + "]";
    }

    /** Options of a {@link SignedCookieResolverContext}; at least one secret is required. */
    public static final class Builder {
        private final List<byte[]> secrets = new ArrayList<>();
        private String cookieName = DEFAULT_COOKIE;
        private String path = "/";
        private boolean secure = true;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Adds a signing secret of at least 32 random bytes; the first one added signs, every one verifies (list the
         * previous secret second while rotating).
         */
        public Builder secret(byte[] secret) {
            secrets.add(Objects.requireNonNull(secret, "secret").clone());
            return this;
        }

        /** Adds a secret given as text (its UTF-8 bytes, at least 32), e.g. from an environment variable. */
        public Builder secret(String secret) {
            return secret(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
        }

        /** The cookie name ({@value SignedCookieResolverContext#DEFAULT_COOKIE}). */
        public Builder cookieName(String cookieName) {
            this.cookieName = requireToken(cookieName, "cookieName");
            return this;
        }

        /** The cookie path ({@code /}). */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/") || path.indexOf(';') >= 0 || path.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("cookie path must start with / and be printable ASCII: " + path);
            }
            this.path = path;
            return this;
        }

        /** Whether the cookie is {@code Secure} (sent over HTTPS only); true unless turned off for plain HTTP. */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /** The clock for issue times and expiry (tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The context; throws {@link IllegalArgumentException} when no secret was given or one is shorter than 32
         * bytes.
         */
        public SignedCookieResolverContext build() {
            return new SignedCookieResolverContext(this);
        }
    }

    static String requireToken(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty() || !name.chars().allMatch(SignedCookieResolverContext::tokenChar)) {
            throw new IllegalArgumentException(what + " must be a non-empty HTTP token: '" + name + "'");
        }
        return name;
    }

    private static boolean tokenChar(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
