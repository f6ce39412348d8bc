package dev.mdb.config.internal;

import dev.mdb.config.ConfigException;

/**
 * The bounds of database.yml loading, in one place: a wrong or hostile file (a log written over the config, a
 * generated monster, an alias bomb) is refused with a {@link ConfigException} naming the file and the bound, in
 * well under a second and a few MiB of heap, instead of running for minutes or out of memory. Every bound is far above
 * what real files use: they are a few KB with a few dozen ERB tags; the largest this project makes, the 1,000-shard
 * fixture of {@code scripts/shards.sh} (2,000 entries written out), is 510 KB and loads in about half a second on a
 * cold JVM. The README lists them.
 */
public final class ConfigLimits {
    /** The largest database.yml read, in bytes (characters for text handed to {@code parse}); checked first. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    /** The longest YAML text ERB and {@code ${X}} interpolation may produce: inserted values can make it grow. */
    public static final int MAX_INTERPOLATED_CHARS = 2 * 1024 * 1024;
    /**
     * The longest line of YAML (after interpolation), in characters without the line break. SnakeYAML's cost grows with the square of a
     * line's length (it copies its read-ahead window every 1,024 characters): a 1 MiB line takes seconds.
     */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    /** The longest YAML scalar (a value or a key), in characters. */
    public static final int MAX_SCALAR_CHARS = 64 * 1024;
    /** The most ERB tags ({@code <% %>}, {@code <%= %>}, {@code <%# %>}) and {@code ${X}} placeholders in a file. */
    public static final int MAX_TEMPLATE_TAGS = 20_000;
    /** How deep {@code <% if %>}/{@code <% unless %>} blocks may nest. */
    public static final int MAX_ERB_NESTING = 32;
    /** The most tokens one ERB expression may have; this also bounds how deep it nests. */
    public static final int MAX_ERB_TOKENS = 256;
    /** The most aliases to mappings or lists one YAML document may use. */
    public static final int MAX_ALIASES = 1000;
    /** The most values (mappings, lists and scalars) a YAML document may expand to. */
    public static final int MAX_VALUES = 100_000;
    /** How deep YAML mappings and lists may nest. */
    public static final int MAX_YAML_DEPTH = 64;
    /** The most values all configurations together may hold once {@code shared:} is merged into each. */
    public static final int MAX_TOTAL_VALUES = 1_000_000;

    private ConfigLimits() {}

    /**
     * The refusal of a file that exceeds a bound: {@code where} is the file, with {@code :line} when there is one;
     * {@code what} names what went over, e.g. "the file", "a YAML value"; {@code next} is the next step.
     */
    static ConfigException exceeded(String where, String what, String limit, String next) {
        return new ConfigException(where + ": cannot load database configuration: " + what + " exceeds the limit of "
                + limit + ". " + next);
    }
}
