package dev.mdb.runtime.internal;

import dev.mdb.runtime.engine.Engine;

/**
 * A writer's position as a client keeps it after writing: {@code <scheme>:<system identifier>:<position>}, e.g.
 * PostgreSQL's {@code pg:7310…:0/16b3748}; the scheme and the position's text belong to the writer's engine.
 */
public record PositionToken(String systemId, long position) {
    /** The token in {@code text}, read with {@code engine}'s position format; null when it is not one of its tokens. */
    public static PositionToken parse(String text, Engine engine) {
        String scheme = engine.positionScheme();
        if (text == null || scheme == null || !text.startsWith(scheme + ":")) {
            return null;
        }
        int start = scheme.length() + 1;
        int colon = text.indexOf(':', start);
        if (colon < 0) {
            return null;
        }
        try {
            return new PositionToken(text.substring(start, colon), engine.parsePosition(text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The token's text in {@code engine}'s format. */
    public String format(Engine engine) {
        return engine.positionScheme() + ":" + systemId + ":" + engine.formatPosition(position);
    }

    /** Whether position {@code a} is at or after {@code b}; positions compare as unsigned numbers. */
    public static boolean atOrAfter(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0;
    }
}
