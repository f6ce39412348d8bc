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
 * Keeps the client's state with an API client: a writing request's response carries the signed value (the same form
 * as {@link SignedCookieResolverContext}'s cookie) in the {@value #DEFAULT_HEADER} header, and the client sends the
 * last value it received back on later requests. A response whose state changed without a write (marks the replicas
 * have replayed, or that expired, were dropped) carries the smaller value, or an empty value when nothing is left:
 * the client then sends nothing (an empty value counts as none). Browsers reading it from script need {@code
 * Access-Control-Expose-Headers: Mdb-Consistency}. Invalid values are ignored and counted in {@link #invalidCount()}.
 */
public final class HeaderResolverContext implements ResolverContext {
    /** The header name unless another is given. */
    public static final String DEFAULT_HEADER = "Mdb-Consistency";

    private final StateSigner signer;
    private final String headerName;

    private HeaderResolverContext(Builder builder) {
        this.signer = new StateSigner(builder.secrets, builder.clock, "HeaderResolverContext");
        this.headerName = builder.headerName;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ConsistencyState load(RequestView request) {
        Optional<String> value = request.header(headerName);
        if (value.isEmpty() || value.get().isBlank()) {
            return ConsistencyState.empty();
        }
        return signer.verify(value.get().trim()).orElse(ConsistencyState.empty());
    }

    @Override
    public void save(RequestView request, ResponseView response, ConsistencyState state, Duration retention) {
        if (!state.isEmpty()) {
            response.setHeader(headerName, signer.sign(state, retention, SignedCookieResolverContext.MAX_VALUE_CHARS));
        } else if (request.header(headerName).filter(value -> !value.isBlank()).isPresent()) {
            response.setHeader(headerName, "");
        }
    }

    /** How many header values failed verification since start. */
    public long invalidCount() {
        return signer.invalidCount();
    }

    public String headerName() {
        return headerName;
    }

    @Override
    public String toString() {
        return "HeaderResolverContext[" + headerName + "]";
    }

    /** Options of a {@link HeaderResolverContext}; at least one secret is required. */
    public static final class Builder {
        private final List<byte[]> secrets = new ArrayList<>();
        private String headerName = DEFAULT_HEADER;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Adds a signing secret of at least 32 random bytes; the first one added signs, every one verifies. */
        public Builder secret(byte[] secret) {
            secrets.add(Objects.requireNonNull(secret, "secret").clone());
            return this;
        }

        /** Adds a secret given as text (its UTF-8 bytes, at least 32). */
        public Builder secret(String secret) {
            return secret(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
        }

        /** The header name ({@value HeaderResolverContext#DEFAULT_HEADER}). */
        public Builder headerName(String headerName) {
            this.headerName = SignedCookieResolverContext.requireToken(headerName, "headerName");
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
        public HeaderResolverContext build() {
            return new HeaderResolverContext(this);
        }
    }
}
