package dev.mdb.runtime;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * A client's read-your-writes memory, immutable: per {@link RouteKey} the client's last {@link WriteMark}. A web
 * context (session, signed cookie, header) stores it between requests in the text form of {@link #encode()}; a
 * request hands it to its {@link UnitOfWork}, and {@link Mdb#recordWrites(UnitOfWork)} returns the state to store
 * afterwards: with a new mark per group/shard written, and without the marks that no longer constrain reads.
 */
public final class ConsistencyState {
    private static final String VERSION = "1";
    private static final ConsistencyState EMPTY = new ConsistencyState(Map.of());

    private final Map<RouteKey, WriteMark> marks;

    private ConsistencyState(Map<RouteKey, WriteMark> marks) {
        this.marks = marks;
    }

    public static ConsistencyState empty() {
        return EMPTY;
    }

    public static ConsistencyState of(Map<RouteKey, WriteMark> marks) {
        return marks.isEmpty() ? EMPTY : new ConsistencyState(Collections.unmodifiableMap(new LinkedHashMap<>(marks)));
    }

    public Map<RouteKey, WriteMark> marks() {
        return marks;
    }

    public Optional<WriteMark> mark(RouteKey key) {
        return Optional.ofNullable(marks.get(key));
    }

    public boolean isEmpty() {
        return marks.isEmpty();
    }

    /** This state with {@code mark} for {@code key} (replacing an older one). */
    public ConsistencyState with(RouteKey key, WriteMark mark) {
        Map<RouteKey, WriteMark> copy = new LinkedHashMap<>(marks);
        copy.put(key, mark);
        return of(copy);
    }

    /** This state without marks written before {@code oldestMillis} (they no longer affect any read). */
    public ConsistencyState withoutMarksBefore(long oldestMillis) {
        return retaining((key, mark) -> mark.writtenAtMillis() >= oldestMillis);
    }

    /** This state with only the marks {@code keep} accepts; this same state when it accepts all of them. */
    public ConsistencyState retaining(BiPredicate<RouteKey, WriteMark> keep) {
        Map<RouteKey, WriteMark> kept = new LinkedHashMap<>();
        marks.forEach((key, mark) -> {
            if (keep.test(key, mark)) {
                kept.put(key, mark);
            }
        });
        return kept.size() == marks.size() ? this : of(kept);
    }

    /** This state with every mark degraded to its time (for size-limited storage). */
    public ConsistencyState withoutPositions() {
        Map<RouteKey, WriteMark> timeOnly = new LinkedHashMap<>();
        marks.forEach((key, mark) -> timeOnly.put(key, WriteMark.at(mark.writtenAtMillis())));
        return of(timeOnly);
    }

    /**
     * Text form: {@code 1} then, per mark, {@code ,group|shard|millis[|position]} with group and shard URL-encoded.
     * Plain ASCII without spaces, semicolons or quotes, so it fits a cookie value or a header as is.
     */
    public String encode() {
        StringBuilder text = new StringBuilder(VERSION);
        marks.forEach((key, mark) -> {
            text.append(',')
                    .append(encodeName(key.group()))
                    .append('|')
                    .append(encodeName(key.shard().name()))
                    .append('|')
                    .append(mark.writtenAtMillis());
            if (mark.hasPosition()) {
                text.append('|').append(mark.position());
            }
        });
        return text.toString();
    }

    /** Parses {@link #encode()}'s form; anything malformed gives empty (a client can't break a request with it). */
    public static Optional<ConsistencyState> decode(String text) {
        if (text == null || text.length() > 4096) {
            return Optional.empty();
        }
        String[] parts = text.split(",", -1);
        if (!parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        Map<RouteKey, WriteMark> marks = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] fields = parts[i].split("\\|", -1);
            if (fields.length < 3 || fields.length > 4) {
                return Optional.empty();
            }
            try {
                String group = decodeName(fields[0]);
                String shard = decodeName(fields[1]);
                long millis = Long.parseLong(fields[2]);
                if (group.isEmpty() || shard.isEmpty() || millis < 0) {
                    return Optional.empty();
                }
                marks.put(RouteKey.of(group, shard), new WriteMark(millis, fields.length == 4 ? fields[3] : null));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(of(marks));
    }

    private static String encodeName(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static String decodeName(String name) {
        return URLDecoder.decode(name, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsistencyState that && marks.equals(that.marks);
    }

    @Override
    public int hashCode() {
        return marks.hashCode();
    }

    @Override
    public String toString() {
        return "ConsistencyState" + marks;
    }
}
