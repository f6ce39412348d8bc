package dev.mdb.config;

/** database.yml keys with meaning to mdb, spelled exactly as they appear in the file. */
public final class ConfigKeys {
    public static final String ADAPTER = "adapter";
    public static final String DATABASE = "database";
    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String URL = "url";
    public static final String ENCODING = "encoding";
    public static final String COLLATION = "collation";
    public static final String REPLICA = "replica";
    public static final String DATABASE_TASKS = "database_tasks";
    public static final String MIGRATIONS_PATHS = "migrations_paths";
    public static final String SCHEMA_DUMP = "schema_dump";
    public static final String SCHEMA_FORMAT = "schema_format";
    public static final String SEEDS = "seeds";
    public static final String USE_METADATA_TABLE = "use_metadata_table";
    public static final String POOL = "pool";
    public static final String CHECKOUT_TIMEOUT = "checkout_timeout";
    public static final String PROTECTED_ENVIRONMENTS = "protected_environments";
    public static final String SCHEMA_CACHE_PATH = "schema_cache_path";
    /** The top-level key whose settings are reverse-merged into every environment; not an environment itself. */
    public static final String SHARED = "shared";
    /** The configuration name used for 2-tier environments, URL strings and {@code DATABASE_URL}. */
    public static final String PRIMARY = "primary";

    private ConfigKeys() {}
}
