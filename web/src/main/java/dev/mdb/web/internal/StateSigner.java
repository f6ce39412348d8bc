package dev.mdb.web.internal;

import dev.mdb.runtime.ConsistencyState;
import dev.mdb.runtime.RouteKey;
import dev.mdb.runtime.WriteMark;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a {@link ConsistencyState} for a client to hold and verifies it when it comes back: {@code
 * base64url(payload) + "." + base64url(HMAC-SHA256(secret, payload))}, payload {@code
 * <issued-at millis>;<max-age seconds>;<state>}. The first secret signs, every secret verifies (rotation). Values
 * that are malformed, forged, signed with an unknown secret or expired verify as invalid and are counted.
 */
public final class StateSigner {
    /** The shortest secret accepted: HMAC-SHA256's block of security. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final int MAX_VALUE_CHARS = 8192;
    private static final long FUTURE_SKEW_MILLIS = Duration.ofMinutes(5).toMillis();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final List<SecretKeySpec> keys;
    private final Clock clock;
    private final AtomicLong invalid = new AtomicLong();

    /**
     * @throws IllegalArgumentException when there is no secret, or one is shorter than {@value #MIN_SECRET_BYTES}
     *     bytes (the message gives its position and length, never its value)
     */
    public StateSigner(List<byte[]> secrets, Clock clock, String owner) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException(owner + " needs a secret to sign with: secret(...) with at least "
                    + MIN_SECRET_BYTES + " random bytes, e.g. from `openssl rand -base64 48`.");
        }
        List<SecretKeySpec> specs = new ArrayList<>(secrets.size());
        for (int i = 0; i < secrets.size(); i++) {
            byte[] secret = secrets.get(i);
            if (secret == null || secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(owner + ": secret " + (i + 1) + " is "
                        + (secret == null ? 0 : secret.length) + " bytes long; it must be at least "
                        + MIN_SECRET_BYTES + " bytes. Generate one with `openssl rand -base64 48`.");
            }
            specs.add(new SecretKeySpec(secret, ALGORITHM));
        }
        this.keys = List.copyOf(specs);
        this.clock = clock;
    }

    /** The signed value of {@code state}, valid for {@code maxAge}. */
    public String sign(ConsistencyState state, Duration maxAge) {
        String payload = clock.millis() + ";" + maxAgeSeconds(maxAge) + ";" + state.encode();
        byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(keys.get(0), bytes));
    }

    /**
     * The signed value of {@code state}, at most {@code maxChars} long when possible: over it, the marks lose their
     * positions (reads then use the time window); still over it, the oldest marks are dropped.
     */
    public String sign(ConsistencyState state, Duration maxAge, int maxChars) {
        String value = sign(state, maxAge);
        if (value.length() <= maxChars) {
            return value;
        }
        ConsistencyState smaller = state.withoutPositions();
        value = sign(smaller, maxAge);
        List<Map.Entry<RouteKey, WriteMark>> newestFirst =
                new ArrayList<>(smaller.marks().entrySet());
        newestFirst.sort(Comparator.comparingLong(
                        (Map.Entry<RouteKey, WriteMark> e) -> e.getValue().writtenAtMillis())
                .reversed());
        while (value.length() > maxChars && !newestFirst.isEmpty()) {
            newestFirst.remove(newestFirst.size() - 1);
            Map<RouteKey, WriteMark> kept = new LinkedHashMap<>();
            newestFirst.forEach(e -> kept.put(e.getKey(), e.getValue()));
            value = sign(ConsistencyState.of(kept), maxAge);
        }
        return value;
    }

    /** The state in {@code value}, or empty (and counted) when the value is not valid. */
    public Optional<ConsistencyState> verify(String value) {
        ConsistencyState state = parse(value);
        if (state == null) {
            invalid.incrementAndGet();
            return Optional.empty();
        }
        return Optional.of(state);
    }

    /** How many values failed verification so far. */
    public long invalidCount() {
        return invalid.get();
    }

    /** The whole seconds a cookie of {@code maxAge} lives: rounded up, at least one. */
    public static long maxAgeSeconds(Duration maxAge) {
        long millis = Math.max(1, maxAge.toMillis());
        return (millis + 999) / 1000;
    }

    private ConsistencyState parse(String value) {
        if (value == null || value.length() > MAX_VALUE_CHARS) {
            return null;
        }
        int dot = value.indexOf('.');
        if (dot <= 0 || dot != value.lastIndexOf('.')) {
            return null;
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(value.substring(0, dot));
            signature = DECODER.decode(value.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (signature.length != MAC_BYTES || !signedByAnyKey(payload, signature)) {
            return null;
        }
        return decodePayload(new String(payload, StandardCharsets.US_ASCII));
    }

    private boolean signedByAnyKey(byte[] payload, byte[] signature) {
        boolean valid = false;
        for (SecretKeySpec key : keys) {
            valid |= MessageDigest.isEqual(mac(key, payload), signature);
        }
        return valid;
    }

    private ConsistencyState decodePayload(String payload) {
        int first = payload.indexOf(';');
        int second = first < 0 ? -1 : payload.indexOf(';', first + 1);
        if (second < 0) {
            return null;
        }
        long issuedAt;
        long maxAgeSeconds;
        try {
            issuedAt = Long.parseLong(payload.substring(0, first));
            maxAgeSeconds = Long.parseLong(payload.substring(first + 1, second));
        } catch (NumberFormatException e) {
            return null;
        }
        long now = clock.millis();
        if (maxAgeSeconds <= 0
                || issuedAt > now + FUTURE_SKEW_MILLIS
                || now - issuedAt >= Math.multiplyExact(Math.min(maxAgeSeconds, Long.MAX_VALUE / 2000), 1000L)) {
            return null;
        }
        return ConsistencyState.decode(payload.substring(second + 1)).orElse(null);
    }

    private static byte[] mac(SecretKeySpec key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
