package dev.mdb.tasks.adapter.sqlite;

import dev.mdb.config.Causes;
import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.engine.sqlite.SqliteTarget;
import dev.mdb.tasks.schema.ExternalCommand;
import dev.mdb.tasks.spi.AdapterTasks;
import dev.mdb.tasks.spi.ColumnTypes;
import dev.mdb.tasks.spi.MappedColumnTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** SQLite: a database is a file; relative paths resolve against the project directory; {@code :memory:} works. */
final class SqliteAdapterTasks implements AdapterTasks {
    private static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");
    private final SqliteTarget target;
    private final Path file;

    SqliteAdapterTasks(SqliteTarget target) {
        this.target = target;
        this.file = target.file();
    }

    @Override
    public JdbcTarget target() {
        return target;
    }

    @Override
    public Connection connect() throws SQLException {
        if (file != null && !Files.exists(file)) {
            throw new SQLException("database file " + file + " does not exist", "3D000");
        }
        return DriverManager.getConnection(jdbcUrl(), target.properties());
    }

    @Override
    public void create() throws SQLException {
        if (file == null) {
            return;
        }
        if (Files.exists(file)) {
            throw new SQLException("database file " + file + " already exists", "42P04");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SQLException("cannot create directory for " + file + ": " + Causes.of(e), "58030", e);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(), target.properties())) {
            // Opening the file creates it; a write makes it a real (non-empty) database file.
            c.createStatement().execute("PRAGMA user_version = 0");
        }
    }

    @Override
    public void drop() throws SQLException {
        if (file == null) {
            return;
        }
        try {
            Files.delete(file);
            for (String suffix : SIDE_FILES) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (NoSuchFileException e) {
            throw new SQLException("database file " + file + " does not exist", "3D000", e);
        } catch (IOException e) {
            throw new SQLException("cannot delete " + file + ": " + Causes.of(e), "58030", e);
        }
    }

    @Override
    public void purge() throws SQLException {
        if (file != null && Files.exists(file)) {
            drop();
        }
        create();
    }

    /** The database file, or null for {@code :memory:}. */
    Path file() {
        return file;
    }

    /** Flyway's text, which SQLite keeps as written in {@code sqlite_master} (without {@code IF NOT EXISTS}). */
    @Override
    public List<String> historyTableDdl(String table) {
        String t = quote(table);
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + t + " (\n"
                        + "    \"installed_rank\" INT NOT NULL PRIMARY KEY,\n"
                        + "    \"version\" VARCHAR(50),\n"
                        + "    \"description\" VARCHAR(200) NOT NULL,\n"
                        + "    \"type\" VARCHAR(20) NOT NULL,\n"
                        + "    \"script\" VARCHAR(1000) NOT NULL,\n"
                        + "    \"checksum\" INT,\n"
                        + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
                        + "    \"installed_on\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),\n"
                        + "    \"execution_time\" INT NOT NULL,\n"
                        + "    \"success\" BOOLEAN NOT NULL\n"
                        + ")",
                "CREATE INDEX " + quote(table + "_s_idx") + " ON " + t + " (\"success\")");
    }

    /** SQLite has no users: Flyway records an empty name. */
    @Override
    public String currentUserSql() {
        return "''";
    }

    @Override
    public ColumnTypes columnTypes() {
        return new MappedColumnTypes(
                "id INTEGER PRIMARY KEY AUTOINCREMENT",
                Map.ofEntries(
                        Map.entry("float", "REAL"),
                        Map.entry("datetime", "DATETIME(6)"),
                        Map.entry("timestamp", "DATETIME(6)"),
                        Map.entry("json", "JSON"),
                        Map.entry("uuid", "VARCHAR(36)")));
    }

    @Override
    public dev.mdb.tasks.schema.SchemaDumper schemaDumper() {
        return new SqliteSchemaDumper();
    }

    @Override
    public ExternalCommand structureDump(Path target) {
        return new ExternalCommand(
                List.of("sqlite3", "-batch", "-noheader", requireFile().toString(), ".schema --nosys"),
                Map.of(),
                null,
                target,
                null);
    }

    @Override
    public ExternalCommand structureLoad(Path source) {
        return new ExternalCommand(
                List.of("sqlite3", "-batch", "-bail", requireFile().toString()), Map.of(), source, null, null);
    }

    private Path requireFile() {
        if (file == null) {
            throw new dev.mdb.config.ConfigException("database '" + config().name() + "' (" + config().label()
                    + ") is :memory:; schema_format: structure needs a database file.");
        }
        return file;
    }

    @Override
    public void truncate(Connection connection, List<String> tables) throws SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            for (String table : tables) {
                s.execute("DELETE FROM " + quote(table));
            }
            // sqlite_sequence is a "SYSTEM TABLE" to the driver's metadata, so look for it in sqlite_master.
            boolean hasSequences;
            try (java.sql.ResultSet rs =
                    s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")) {
                hasSequences = rs.next();
            }
            if (hasSequences) {
                s.execute("DELETE FROM sqlite_sequence");
            }
            s.execute("PRAGMA foreign_keys = ON");
        }
    }
}
