package dev.mdb.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that finds a real PostgreSQL or MariaDB server and hands out fresh, uniquely named databases
 * ({@code mdb_it_<8 hex>}) on it, dropping every one of them, and every role it created, when the test class is done.
 *
 * <pre>{@code
 * @Tag("postgresql")
 * class PostgresqlTasksIT {
 *     @RegisterExtension
 *     static DatabaseServerExtension pg = DatabaseServerExtension.postgres();
 *
 *     @Test
 *     void create_newName_createsDatabase() throws Exception {
 *         String name = pg.newDatabaseName();        // unused, not created; dropped in afterAll anyway
 *         String yml = "test:\n  primary:\n" + pg.databaseYmlEntry(name);
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The server is found as STYLE.md §3.6 says: {@code MDB_IT_POSTGRES_URL} / {@code MDB_IT_MARIADB_URL} if set (e.g.
 * {@code postgresql://postgres@127.0.0.1:5432/postgres}, {@code mysql://root@127.0.0.1:3306/}), else the loopback
 * server (127.0.0.1:5432 as {@code postgres}; 127.0.0.1:3306 as {@code root} with no password) if it answers within 3
 * s. Without a server the tests are skipped, or fail when {@code CI=true}, with a message saying how to start one. The
 * lookup runs once per engine and test run.
 *
 * <p>Register it in a {@code static} field so databases live for the whole class and are dropped in {@code afterAll}.
 * Registered in an instance field, it cleans up after each test instead. Methods are thread-safe.
 */
public final class DatabaseServerExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DatabaseServerExtension.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Engine engine;
    private final Function<String, String> env;
    private final List<String> databases = Collections.synchronizedList(new ArrayList<>());
    private final List<CreatedRole> roles = Collections.synchronizedList(new ArrayList<>());
    private volatile ServerAddress address;
    private volatile String source;
    private volatile String owner;

    private record CreatedRole(String name, String database) {}

    DatabaseServerExtension(Engine engine, Function<String, String> env) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.env = Objects.requireNonNull(env, "env");
    }

    /** An extension for a PostgreSQL server ({@code adapter: postgresql}). */
    public static DatabaseServerExtension postgres() {
        return new DatabaseServerExtension(Engine.POSTGRESQL, System::getenv);
    }

    /** An extension for a MariaDB (or MySQL) server ({@code adapter: mysql2}). */
    public static DatabaseServerExtension mariadb() {
        return new DatabaseServerExtension(Engine.MARIADB, System::getenv);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        finish(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        finish(context);
    }

    /** Finds the server once; the first context to start the extension (class, or test if not static) owns cleanup. */
    private synchronized void start(ExtensionContext context) {
        if (owner != null) {
            return;
        }
        ServerLocator.Result result = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(engine, e -> ServerLocator.locate(e, env), ServerLocator.Result.class);
        address = result.require(env);
        source = result.source();
        owner = context.getUniqueId();
    }

    private synchronized void finish(ExtensionContext context) {
        if (owner == null || !owner.equals(context.getUniqueId())) {
            return;
        }
        owner = null;
        dropAll();
    }

    /**
     * Creates a new, empty database and returns its name, {@code mdb_it_<8 hex>}. It is dropped in {@code afterAll}.
     *
     * @throws IllegalStateException if the server refuses, with the SQL error as the cause
     */
    public String createDatabase() {
        String name = newDatabaseName();
        execute(null, List.of(engine.createDatabaseSql(name)), "create database '" + name + "'");
        return name;
    }

    /**
     * Returns a name, {@code mdb_it_<8 hex>}, that no database on the server has, without creating it (for tests of
     * {@code db:create}). Whatever database the test makes under that name is dropped in {@code afterAll}.
     */
    public String newDatabaseName() {
        requireStarted();
        for (int attempt = 0; attempt < 10; attempt++) {
            String name = "mdb_it_" + randomHex();
            if (!databaseExists(name)) {
                databases.add(name);
                return name;
            }
        }
        throw new IllegalStateException("no unused database name found on " + describe() + " after 10 attempts");
    }

    /**
     * Creates a login role, {@code mdb_it_ro_<8 hex>}, that may read but not change {@code database}: on PostgreSQL
     * CONNECT, USAGE and SELECT on schema {@code public}, including tables created later by this extension's user; on
     * MariaDB SELECT on {@code database.*} for {@code 'role'@'%'} and {@code 'role'@'localhost'}. It is dropped in
     * {@code afterAll}.
     *
     * @param database an existing database, usually from {@link #createDatabase()}
     * @param password the role's password (PostgreSQL with trust auth accepts any)
     * @return the role name, for {@code username:} in database.yml
     */
    public String createReadOnlyRole(String database, String password) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(password, "password");
        requireStarted();
        String role = "mdb_it_ro_" + randomHex();
        roles.add(new CreatedRole(role, database));
        String what = "create read-only role '" + role + "' for database '" + database + "'";
        execute(null, engine.createReadOnlyRoleSql(role, password, database), what);
        execute(database, engine.grantReadOnlyInDatabaseSql(role), what);
        return role;
    }

    /** The database.yml adapter name: {@code postgresql} or {@code mysql2}. */
    public String adapter() {
        return engine.adapter();
    }

    /** The server's host, e.g. {@code 127.0.0.1}. */
    public String host() {
        return requireStarted().host();
    }

    /** The server's TCP port. */
    public int port() {
        return requireStarted().port();
    }

    /** The user this extension connects as (a superuser: it creates databases and roles). */
    public String username() {
        return requireStarted().username();
    }

    /** The password of {@link #username()}, or {@code null} when none is needed. */
    public String password() {
        return requireStarted().password();
    }

    /**
     * A JDBC URL for {@code database} without credentials, e.g. {@code jdbc:postgresql://127.0.0.1:5432/mdb_it_0a1b2c3d}
     * or {@code jdbc:mariadb://127.0.0.1:3306/mdb_it_0a1b2c3d?sslMode=allow} (MariaDB Connector/J 4.x otherwise insists
     * on TLS, which the CI server lacks). {@code null} or empty: the server's maintenance database ({@code postgres};
     * none on MariaDB).
     */
    public String jdbcUrl(String database) {
        return ServerLocator.jdbcUrl(engine, requireStarted(), database);
    }

    /** Opens a connection to {@code database} (see {@link #jdbcUrl(String)}) as {@link #username()}. */
    public Connection connect(String database) throws SQLException {
        return admin().connect(database);
    }

    /**
     * The settings of one database.yml entry for {@code database} on this server, indented four spaces for a 3-tier
     * file (under {@code env:} and {@code name:}), one line each and newline-terminated:
     *
     * <pre>
     *     adapter: postgresql
     *     host: 127.0.0.1
     *     port: 5432
     *     username: postgres
     *     database: mdb_it_0a1b2c3d
     * </pre>
     *
     * A {@code password:} line follows {@code username:} when the server needs one.
     */
    public String databaseYmlEntry(String database) {
        return databaseYmlEntry(database, 4);
    }

    /** Like {@link #databaseYmlEntry(String)} with {@code indent} spaces (2 for a 2-tier file). */
    public String databaseYmlEntry(String database, int indent) {
        Objects.requireNonNull(database, "database");
        return DatabaseYml.entry(engine.adapter(), requireStarted(), database, indent);
    }

    /** The engine and server, without the password. */
    @Override
    public String toString() {
        return "DatabaseServerExtension[" + describe() + "]";
    }

    private void dropAll() {
        ServerAdmin admin = admin();
        List<String> failures = new ArrayList<>();
        List<SQLException> causes = new ArrayList<>();
        for (String database : drain(databases)) {
            try {
                admin.dropDatabase(database);
            } catch (SQLException e) {
                failures.add("database '" + database + "'");
                causes.add(e);
            }
        }
        for (CreatedRole role : drain(roles)) {
            try {
                admin.dropRole(role.name(), role.database());
            } catch (SQLException e) {
                failures.add("role '" + role.name() + "'");
                causes.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("couldn't drop " + String.join(", ", failures)
                    + " on " + describe() + "; drop them by hand. First cause: "
                    + causes.get(0).getMessage());
            causes.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static <T> List<T> drain(List<T> tracked) {
        synchronized (tracked) {
            List<T> copy = new ArrayList<>(tracked);
            tracked.clear();
            return copy;
        }
    }

    private boolean databaseExists(String name) {
        try {
            return admin().databaseExists(name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "couldn't check whether database '" + name + "' exists on " + describe() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Runs statements on {@code database} ({@code null}: the maintenance database). */
    private void execute(String database, List<String> statements, String what) {
        try {
            admin().run(database, statements);
        } catch (SQLException e) {
            throw new IllegalStateException("couldn't " + what + " on " + describe() + ": " + e.getMessage(), e);
        }
    }

    private ServerAdmin admin() {
        return new ServerAdmin(engine, requireStarted());
    }

    private ServerAddress requireStarted() {
        ServerAddress current = address;
        if (current == null) {
            throw new IllegalStateException("the " + engine.displayName()
                    + " DatabaseServerExtension has not started: register it with @RegisterExtension"
                    + " (in a static field for per-class databases) and use it from tests or lifecycle methods");
        }
        return current;
    }

    private String describe() {
        ServerAddress current = address;
        return engine.displayName() + " " + (current == null ? "(not started)" : current + " (" + source + ")");
    }

    private static String randomHex() {
        return String.format(Locale.ROOT, "%08x", RANDOM.nextInt());
    }
}
