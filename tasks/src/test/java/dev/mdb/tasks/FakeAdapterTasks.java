package dev.mdb.tasks;

import dev.mdb.runtime.engine.ErrorKind;
import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.engine.sqlite.SqliteEngine;
import dev.mdb.tasks.schema.ExternalCommand;
import dev.mdb.tasks.schema.SchemaDumper;
import dev.mdb.tasks.spi.AdapterTasks;
import dev.mdb.tasks.spi.AdapterTasksProvider;
import dev.mdb.tasks.spi.ColumnTypes;
import dev.mdb.tasks.spi.MappedColumnTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A call-recording adapter for the facade's unit tests, of a fake engine (adapter {@code fake}). Creating and dropping
 * only record the call and flip whether the database "exists"; a connection is an SQLite file per database (embedded,
 * no server), so the facade can read and write its bookkeeping tables. Failures are scripted per database name.
 */
final class FakeAdapterTasks implements AdapterTasks {
    /** The fake engine: SQLite's behaviour under its own name and adapter, a family of its own. */
    static final class FakeEngine extends SqliteEngine {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Set<String> adapterNames() {
            return Set.of("fake");
        }

        /** As a server engine would: SQLState classes 08 and 28 too. */
        @Override
        public ErrorKind classify(SQLException e) {
            ErrorKind kind = super.classify(e);
            return kind == ErrorKind.OTHER ? ErrorKind.byStateClass(e.getSQLState()) : kind;
        }
    }

    /** The task adapters of the fake engine, sharing one {@link World} that records every call. */
    record Provider(World world) implements AdapterTasksProvider {
        @Override
        public String engine() {
            return SqliteEngine.NAME;
        }

        @Override
        public AdapterTasks forTarget(JdbcTarget target) {
            return new FakeAdapterTasks(target, world);
        }
    }

    /** The fake servers: which databases exist, what was called in which order, what fails. */
    static final class World {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Set<String> existing = Collections.synchronizedSet(new java.util.HashSet<>());
        final Map<String, SQLException> failures = Collections.synchronizedMap(new HashMap<>());

        /** Makes {@code verb} (create, drop, purge) fail on {@code database} with {@code error}. */
        World failing(String verb, String database, SQLException error) {
            failures.put(verb + " " + database, error);
            return this;
        }

        private void call(String verb, String database) throws SQLException {
            calls.add(verb + " " + database);
            SQLException failure = failures.get(verb + " " + database);
            if (failure != null) {
                throw failure;
            }
        }
    }

    private final JdbcTarget target;
    private final World world;

    private FakeAdapterTasks(JdbcTarget target, World world) {
        this.target = target;
        this.world = world;
    }

    private String database() {
        return config().database();
    }

    @Override
    public JdbcTarget target() {
        return target;
    }

    /** The SQLite file standing for the database; connecting to a database that does not exist fails as SQLite's does. */
    @Override
    public Connection connect() throws SQLException {
        if (!world.existing.contains(database())) {
            throw new SQLException("database " + database() + " does not exist", "3D000");
        }
        return DriverManager.getConnection(target.url());
    }

    @Override
    public void create() throws SQLException {
        world.call("create", database());
        if (!world.existing.add(database())) {
            throw new SQLException("database " + database() + " already exists", "42P04");
        }
        try {
            Files.createDirectories(target.file().getParent());
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }

    @Override
    public void drop() throws SQLException {
        world.call("drop", database());
        if (!world.existing.remove(database())) {
            throw new SQLException("database " + database() + " does not exist", "3D000");
        }
        try {
            Files.deleteIfExists(target.file());
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }

    @Override
    public void purge() throws SQLException {
        world.call("purge", database());
        world.existing.add(database());
    }

    @Override
    public void truncate(Connection connection, List<String> tables) throws SQLException {
        world.call("truncate", database());
        AdapterTasks.super.truncate(connection, tables);
    }

    @Override
    public SchemaDumper schemaDumper() {
        throw new UnsupportedOperationException("no schema dumps in facade tests");
    }

    @Override
    public ExternalCommand structureDump(Path file) {
        throw new UnsupportedOperationException("no structure dumps in facade tests");
    }

    @Override
    public ExternalCommand structureLoad(Path file) {
        throw new UnsupportedOperationException("no structure loads in facade tests");
    }

    @Override
    public List<String> historyTableDdl(String table) {
        return List.of("CREATE TABLE " + quote(table) + " (installed_rank INT NOT NULL PRIMARY KEY, version"
                + " VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000)"
                + " NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TEXT NOT NULL DEFAULT"
                + " CURRENT_TIMESTAMP, execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
    }

    @Override
    public String currentUserSql() {
        return "'fake'";
    }

    @Override
    public ColumnTypes columnTypes() {
        return new MappedColumnTypes("id INTEGER PRIMARY KEY", Map.of());
    }
}
