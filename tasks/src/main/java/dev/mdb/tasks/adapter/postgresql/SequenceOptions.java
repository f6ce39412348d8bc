package dev.mdb.tasks.adapter.postgresql;

import java.util.ArrayList;
import java.util.List;

/** A sequence's parameters ({@code pg_sequence}), rendered as {@code CREATE SEQUENCE} or identity options. */
record SequenceOptions(String type, long start, long increment, long min, long max, long cache, boolean cycle) {

    private long typeMin() {
        return switch (type) {
            case "smallint" -> Short.MIN_VALUE;
            case "integer" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    private long typeMax() {
        return switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /** PostgreSQL's default bounds: ascending 1 … type max; descending type min … -1. */
    private boolean defaultMin() {
        return min == (increment > 0 ? 1 : typeMin());
    }

    private boolean defaultMax() {
        return max == (increment > 0 ? typeMax() : -1);
    }

    /** Clauses of a standalone {@code CREATE SEQUENCE}, in pg_dump's order and style. */
    List<String> createClauses() {
        List<String> out = new ArrayList<>();
        if (!type.equals("bigint")) {
            out.add("AS " + type);
        }
        out.add("START WITH " + start);
        out.add("INCREMENT BY " + increment);
        out.add(defaultMin() ? "NO MINVALUE" : "MINVALUE " + min);
        out.add(defaultMax() ? "NO MAXVALUE" : "MAXVALUE " + max);
        out.add("CACHE " + cache);
        if (cycle) {
            out.add("CYCLE");
        }
        return out;
    }

    /** Identity options that differ from what {@code GENERATED … AS IDENTITY} alone gives (the type is the column's). */
    List<String> identityClauses() {
        List<String> out = new ArrayList<>();
        if (start != (increment > 0 ? min : max)) {
            out.add("START WITH " + start);
        }
        if (increment != 1) {
            out.add("INCREMENT BY " + increment);
        }
        if (!defaultMin()) {
            out.add("MINVALUE " + min);
        }
        if (!defaultMax()) {
            out.add("MAXVALUE " + max);
        }
        if (cache != 1) {
            out.add("CACHE " + cache);
        }
        if (cycle) {
            out.add("CYCLE");
        }
        return out;
    }
}
