package dev.mdb.runtime.engine.sqlite;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.Engine;
import dev.mdb.runtime.engine.JdbcTarget;
import java.nio.file.Path;
import java.util.Properties;

/** SQLite: a file resolved against the project directory, or {@code :memory:}. */
public final class SqliteTarget implements JdbcTarget {
    private final DatabaseConfig config;
    private final Engine engine;
    private final Path file;

    public SqliteTarget(DatabaseConfig config, Engine engine, Path projectDir) {
        this.config = config;
        this.engine = engine;
        String database = config.database();
        if (database == null || database.isBlank()) {
            throw new ConfigException("database '" + config.name() + "' (" + config.label()
                    + ") has no 'database:' file. Add e.g. 'database: storage/" + config.env() + ".sqlite3'.");
        }
        this.file = isMemory(database)
                ? null
                : projectDir.resolve(stripScheme(database)).normalize();
    }

    private static boolean isMemory(String database) {
        return database.equals(":memory:") || database.startsWith("file::memory:");
    }

    private static String stripScheme(String database) {
        return database.startsWith("file:") ? database.substring("file:".length()) : database;
    }

    @Override
    public DatabaseConfig config() {
        return config;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public String url() {
        return file == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + file;
    }

    @Override
    public String urlFor(String database) {
        return url();
    }

    /** Rails' {@code timeout} (milliseconds to wait for another connection's write lock) as SQLite's busy timeout. */
    @Override
    public Properties properties() {
        Properties props = new Properties();
        String timeout = config.string("timeout");
        if (timeout != null && !timeout.isBlank()) {
            try {
                long millis = Long.parseLong(timeout.trim());
                if (millis < 0) {
                    throw new NumberFormatException();
                }
                props.setProperty("busy_timeout", Long.toString(millis));
            } catch (NumberFormatException e) {
                throw new ConfigException("invalid timeout '" + timeout + "' for database '" + config.name() + "' ("
                        + config.label() + "). Use a whole number of milliseconds, e.g. timeout: 5000.");
            }
        }
        return props;
    }

    @Override
    public String location() {
        return file == null ? ":memory:" : file.toString();
    }

    @Override
    public Path file() {
        return file;
    }
}
