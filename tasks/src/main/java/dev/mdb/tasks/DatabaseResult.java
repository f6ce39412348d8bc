package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;

/**
 * What a verb did to one database: its value (null for verbs without one), or the failure.
 *
 * @param failure null when the database succeeded
 */
public record DatabaseResult<T>(DatabaseConfig config, T value, RuntimeException failure) {
    public boolean ok() {
        return failure == null;
    }
}
