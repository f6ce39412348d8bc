package dev.mdb.tasks.adapter.sqlite;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.internal.SqliteTarget;
import dev.mdb.runtime.sql.Dialect;
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
    private final DatabaseConfig config;
    private final SqliteTarget target;
    private final Path file;

    SqliteAdapterTasks(DatabaseConfig config, Path projectDir) {
        this.config = config;
        this.target = new SqliteTarget(config, projectDir);
        this.file = target.file();
    }

    @Override
    public DatabaseConfig config() {
        return config;
    }

    @Override
    public String jdbcUrl() {
        return target.url();
    }

    @Override
    public Connection connect() throws SQLException {
        if (file != null && !Files.exists(file)) {
            throw new SQLException("database file " + file + " does not exist", "3D000");
        }
        return DriverManager.getConnection(jdbcUrl());
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
            throw new SQLException("cannot create directory for " + file + ": " + e.getMessage(), "58030", e);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl())) {
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
            throw new SQLException("cannot delete " + file + ": " + e.getMessage(), "58030", e);
        }
    }

    @Override
    public void purge() throws SQLException {
        if (file != null && Files.exists(file)) {
            drop();
        }
        create();
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String location() {
        return target.location();
    }

    @Override
    public ErrorKind classify(SQLException e) {
        String state = e.getSQLState();
        if ("3D000".equals(state)) {
            return ErrorKind.NO_DATABASE;
        }
        if ("42P04".equals(state)) {
            return ErrorKind.ALREADY_EXISTS;
        }
        return ErrorKind.OTHER;
    }

    @Override
    public boolean needsMigrationLock() {
        return file != null;
    }

    /** The database file, or null for {@code :memory:}. */
    Path file() {
        return file;
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
            throw new dev.mdb.config.ConfigException("database '" + config.name() + "' (" + config.label()
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
