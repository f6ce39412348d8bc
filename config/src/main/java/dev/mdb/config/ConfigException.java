package dev.mdb.config;

/** database.yml is invalid, or names something (environment, database, adapter) that is not configured. */
public class ConfigException extends MdbException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(Category.CONFIG, message, null);
    }

    public ConfigException(String message, Throwable cause) {
        super(Category.CONFIG, message, cause);
    }
}
