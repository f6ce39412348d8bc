package dev.mdb.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One named entry of one environment of database.yml, after URL parsing, {@code DATABASE_URL} merging and ENV
 * interpolation. {@code settings} keys are the YAML keys ({@link ConfigKeys}); values are String, Integer, Long,
 * Boolean, List or Map as YAML produced them (the {@code port} is an Integer when given).
 */
public record DatabaseConfig(String env, String name, Map<String, Object> settings) {

    public DatabaseConfig {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(name, "name");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** {@code env/name}, the label used in logs and messages. */
    public String label() {
        return env + "/" + name;
    }

    public String string(String key) {
        Object value = settings.get(key);
        return value == null ? null : value.toString();
    }

    /** The adapter name, lower-cased, or null when none is configured. */
    public String adapter() {
        String adapter = string(ConfigKeys.ADAPTER);
        return adapter == null ? null : adapter.toLowerCase(Locale.ROOT);
    }

    public String database() {
        return string(ConfigKeys.DATABASE);
    }

    public String host() {
        return string(ConfigKeys.HOST);
    }

    /** The port, or null when not configured (the adapter's default applies). */
    public Integer port() {
        Object value = settings.get(ConfigKeys.PORT);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("invalid port '" + value + "' for database '" + name + "' (" + label()
                    + "). Use a number such as 5432.");
        }
    }

    public String username() {
        String user = string(ConfigKeys.USERNAME);
        return user != null ? user : string("user");
    }

    public String password() {
        return string(ConfigKeys.PASSWORD);
    }

    /** A {@code jdbc:} URL kept verbatim from {@code url:}, or null. */
    public String jdbcUrl() {
        String url = string(ConfigKeys.URL);
        return url != null && url.startsWith("jdbc:") ? url : null;
    }

    public boolean replica() {
        return truthy(settings.get(ConfigKeys.REPLICA));
    }

    /**
     * False when {@code database_tasks: false} or the key is present without a value (Ruby's {@code nil}); replicas
     * are handled by {@link #hidden()}.
     */
    public boolean databaseTasks() {
        if (!settings.containsKey(ConfigKeys.DATABASE_TASKS)) {
            return true;
        }
        return truthy(settings.get(ConfigKeys.DATABASE_TASKS));
    }

    /** Hidden configs (replicas and {@code database_tasks: false}) are skipped by tasks. */
    public boolean hidden() {
        return replica() || !databaseTasks();
    }

    /** {@code migrations_paths} as a list (a string is one path); {@code db/migrate} when absent. */
    public List<String> migrationsPaths() {
        Object value = settings.get(ConfigKeys.MIGRATIONS_PATHS);
        if (value == null) {
            return List.of("db/migrate");
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return List.of(value.toString());
    }

    /** {@code use_metadata_table}, default true. */
    public boolean useMetadataTable() {
        Object value = settings.get(ConfigKeys.USE_METADATA_TABLE);
        return value == null || truthy(value);
    }

    /**
     * The raw {@code schema_dump} value: {@link Optional#empty()} when the key is absent (the default file applies),
     * else the value itself, which is {@code Boolean.FALSE} or the file name; a key without a value yields
     * {@code Boolean.FALSE} (Ruby's {@code nil}).
     */
    public Optional<Object> schemaDump() {
        if (!settings.containsKey(ConfigKeys.SCHEMA_DUMP)) {
            return Optional.empty();
        }
        Object value = settings.get(ConfigKeys.SCHEMA_DUMP);
        return Optional.of(value == null ? (Object) false : value);
    }

    /**
     * Whether the schema of this database is dumped and loaded at all: false for {@code schema_dump: false}, for a
     * {@code schema_dump:} key without a value, and for hidden configs ({@code database_tasks: false} overrides
     * {@code schema_dump}; replicas are never dumped).
     */
    public boolean schemaDumpEnabled() {
        if (hidden()) {
            return false;
        }
        return schemaDump().map(value -> !Boolean.FALSE.equals(value)).orElse(true);
    }

    /** The file name given by {@code schema_dump: <name>}, if any; absent for the default file or when disabled. */
    public Optional<String> schemaDumpFile() {
        return schemaDump()
                .filter(value -> !(value instanceof Boolean))
                .map(Object::toString)
                .filter(name -> !name.isBlank());
    }

    /** {@code schema_format} as given (e.g. {@code sql}, {@code structure}, {@code ruby}), if any. */
    public Optional<String> schemaFormat() {
        return Optional.ofNullable(string(ConfigKeys.SCHEMA_FORMAT)).filter(format -> !format.isBlank());
    }

    static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && "true".equalsIgnoreCase(value.toString().trim());
    }

    @Override
    public String toString() {
        // Never print settings: they may hold a password.
        return "DatabaseConfig[" + label() + ", adapter=" + adapter() + ", database=" + database() + "]";
    }
}
