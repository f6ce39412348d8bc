package dev.mdb.cli.it;

import static dev.mdb.cli.it.SampleProject.CATS;
import static dev.mdb.cli.it.SampleProject.DOGS;
import static dev.mdb.cli.it.SampleProject.EMAIL;
import static dev.mdb.cli.it.SampleProject.POSTS;
import static dev.mdb.cli.it.SampleProject.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scenarios every server engine must pass: the full task lifecycle of a 3-tier project (primary, a read-only
 * replica of it, animals with its own migrations), replicas being skipped and refused, a migration that fails half-way,
 * connection and authentication errors, and the idempotent create/drop messages. Subclasses supply the server and the
 * few details that differ.
 */
abstract class ServerTasksScenarios {
    static final String BROKEN_FILE = "V20261201090000__broken.sql";
    static final String BROKEN_VERSION = "20261201090000";
    static final String BROKEN_SQL = "CREATE TABLE a (id INT);\nINSERT INTO no_such_table VALUES (1);\n";
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path projectDir;

    /** The server, from the extension registered in a static field of the subclass. */
    abstract ServerDatabases db();

    /** A fragment of the engine's error for {@code INSERT INTO no_such_table}. */
    abstract String missingTableError();

    /** A user that logs in with {@code password} and may connect to {@code database}, which does not exist yet. */
    abstract String userWithPassword(String database, String password);

    /** A user whose login with {@code password} the server refuses. */
    abstract String userFailingAuthentication(String database, String password);

    /** A project and the two databases (named, not created) its database.yml points at. */
    record Databases(SampleProject project, String primary, String animals) {
        MdbRunner mdb() {
            return project.mdb();
        }
    }

    @Test
    void lifecycle_threeTierProject_createsMigratesRollsBackRedoesAndDrops() throws Exception {
        Databases dbs = newProject("replica-user-not-created-yet", "unused");

        create_createsPrimaryAndAnimalsOnly(dbs);
        useReadOnlyReplicaUser(dbs);
        migrate_appliesEveryMigration(dbs);
        rollbackAnimals_revertsNewestAnimalsMigration(dbs);
        redoPrimary_revertsAndReappliesNewestPrimaryMigration(dbs);
        version_reportsNewestAppliedVersions(dbs);
        migrateToFirstVersion_revertsLaterOnesThenMigrateReappliesThem(dbs);
        drop_dropsPrimaryAndAnimals(dbs);
    }

    private void create_createsPrimaryAndAnimalsOnly(Databases dbs) throws SQLException {
        MdbResult result = dbs.mdb().run("db:create");

        assertOk(result);
        assertThat(result.outLines())
                .as("%s", result)
                .containsExactly(
                        "Created database '" + dbs.primary() + "'", "Created database '" + dbs.animals() + "'");
        assertThat(result.err())
                .as("the replica is skipped, so nothing 'already exists'")
                .isEmpty();
        assertThat(db().databaseExists(dbs.primary())).isTrue();
        assertThat(db().databaseExists(dbs.animals())).isTrue();
    }

    private void useReadOnlyReplicaUser(Databases dbs) throws IOException {
        String password = "replica-" + randomHex();
        String role = db().server().createReadOnlyRole(dbs.primary(), password);
        dbs.project().writeDatabaseYml(db().developmentYml(dbs.primary(), dbs.animals(), role, password));
    }

    private void migrate_appliesEveryMigration(Databases dbs) throws SQLException {
        MdbResult result = dbs.mdb().run("db:migrate");

        assertOk(result);
        assertInOrder(
                result,
                banner(USERS, "CreateUsers", "migrating"),
                banner(USERS, "CreateUsers", "migrated"),
                banner(EMAIL, "AddEmailToUsers", "migrated"),
                banner(POSTS, "CreatePosts", "migrated"),
                banner(DOGS, "CreateDogs", "migrated"),
                banner(CATS, "CreateCats", "migrated"));
        assertThat(db().tableExists(dbs.primary(), "users")).isTrue();
        assertThat(db().columnExists(dbs.primary(), "users", "email")).isTrue();
        assertThat(db().tableExists(dbs.primary(), "posts")).isTrue();
        assertThat(db().tableExists(dbs.primary(), "dogs"))
                .as("animals migrations stay out of primary")
                .isFalse();
        assertThat(db().tableExists(dbs.animals(), "dogs")).isTrue();
        assertThat(db().tableExists(dbs.animals(), "cats")).isTrue();
        assertThat(db().tableExists(dbs.animals(), "users")).isFalse();
        assertThat(status(dbs)).isEqualTo(allUp(dbs));
    }

    private void rollbackAnimals_revertsNewestAnimalsMigration(Databases dbs) throws SQLException {
        MdbResult result = dbs.mdb().run("db:rollback:animals");

        assertOk(result);
        assertInOrder(result, banner(CATS, "CreateCats", "reverting"), banner(CATS, "CreateCats", "reverted"));
        assertThat(db().tableExists(dbs.animals(), "cats")).isFalse();
        assertThat(db().tableExists(dbs.animals(), "dogs")).isTrue();
        assertThat(status(dbs)).containsEntry(dbs.animals(), Map.of(DOGS, "up", CATS, "down"));
    }

    private void redoPrimary_revertsAndReappliesNewestPrimaryMigration(Databases dbs) throws SQLException {
        MdbResult result = dbs.mdb().run("db:migrate:redo:primary");

        assertOk(result);
        assertInOrder(
                result,
                banner(POSTS, "CreatePosts", "reverting"),
                banner(POSTS, "CreatePosts", "reverted"),
                banner(POSTS, "CreatePosts", "migrating"),
                banner(POSTS, "CreatePosts", "migrated"));
        assertThat(result.out()).doesNotContain("CreateCats");
        assertThat(db().tableExists(dbs.primary(), "posts")).isTrue();
        assertThat(status(dbs)).containsEntry(dbs.primary(), Map.of(USERS, "up", EMAIL, "up", POSTS, "up"));
    }

    private void version_reportsNewestAppliedVersions(Databases dbs) {
        MdbResult all = dbs.mdb().run("db:version");
        MdbResult animals = dbs.mdb().run("db:version:animals");

        assertOk(all);
        assertThat(all.outLines())
                .as("%s", all)
                .containsSequence("database: " + dbs.primary(), "Current version: " + POSTS)
                .containsSequence("database: " + dbs.animals(), "Current version: " + DOGS);
        assertOk(animals);
        assertThat(animals.outLines()).containsExactly("Current version: " + DOGS);
    }

    private void migrateToFirstVersion_revertsLaterOnesThenMigrateReappliesThem(Databases dbs) throws SQLException {
        MdbResult down = dbs.mdb().run("db:migrate:primary", "VERSION=" + USERS);

        assertOk(down);
        assertInOrder(down, banner(POSTS, "CreatePosts", "reverted"), banner(EMAIL, "AddEmailToUsers", "reverted"));
        assertThat(db().tableExists(dbs.primary(), "posts")).isFalse();
        assertThat(db().columnExists(dbs.primary(), "users", "email")).isFalse();
        assertThat(db().tableExists(dbs.primary(), "users")).isTrue();
        assertThat(status(dbs)).containsEntry(dbs.primary(), Map.of(USERS, "up", EMAIL, "down", POSTS, "down"));

        MdbResult up = dbs.mdb().run("db:migrate");

        assertOk(up);
        assertInOrder(
                up,
                banner(EMAIL, "AddEmailToUsers", "migrated"),
                banner(POSTS, "CreatePosts", "migrated"),
                banner(CATS, "CreateCats", "migrated"));
        assertThat(up.out()).doesNotContain("CreateUsers", "CreateDogs");
        assertThat(status(dbs)).isEqualTo(allUp(dbs));
    }

    private void drop_dropsPrimaryAndAnimals(Databases dbs) throws SQLException {
        MdbResult result = dbs.mdb().run("db:drop");

        assertOk(result);
        assertThat(result.outLines())
                .as("%s", result)
                .containsExactly(
                        "Dropped database '" + dbs.primary() + "'", "Dropped database '" + dbs.animals() + "'");
        assertThat(result.err()).isEmpty();
        assertThat(db().databaseExists(dbs.primary())).isFalse();
        assertThat(db().databaseExists(dbs.animals())).isFalse();
    }

    /** db:environment:set creates mdb's metadata table first; the schema history is baselined and every file runs. */
    @Test
    void migrate_afterEnvironmentSet_appliesEveryMigration() throws Exception {
        Databases dbs = newProject(db().server().username(), "unused");
        assertOk(dbs.mdb().run("db:create"));
        assertOk(dbs.mdb().run("db:environment:set"));

        MdbResult result = dbs.mdb().run("db:migrate");

        assertOk(result);
        assertThat(db().tableExists(dbs.primary(), "posts")).isTrue();
        assertThat(db().tableExists(dbs.animals(), "cats")).isTrue();
        assertThat(status(dbs)).isEqualTo(allUp(dbs));
        assertOk(dbs.mdb().run("db:drop"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "db:migrate:primary_replica",
                "db:create:primary_replica",
                "db:drop:primary_replica",
                "db:rollback:primary_replica",
                "db:migrate:status:primary_replica"
            })
    void namedTask_replica_isRefusedWithConfigExitCode(String task) throws IOException {
        Databases dbs = newProject(db().server().username(), "unused");

        MdbResult result = dbs.mdb().run(task);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.errLines()).as("%s", result).hasSize(1);
        assertThat(result.errLines().get(0))
                .startsWith("mdb: ")
                .contains("primary_replica")
                .contains("is a replica");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void tasks_replicaEntry_isNotListed() throws IOException {
        Databases dbs = newProject(db().server().username(), "unused");

        MdbResult result = dbs.mdb().run("--tasks");

        assertOk(result);
        assertThat(result.out()).contains("db:migrate:primary", "db:migrate:animals");
        assertThat(result.out()).doesNotContain("primary_replica");
    }

    @Test
    void replicaUser_afterMigrate_canSelectButNotWrite() throws Exception {
        Databases dbs = newProject("replica-user-not-created-yet", "unused");
        assertOk(dbs.mdb().run("db:create"));
        String password = "replica-" + randomHex();
        String role = db().server().createReadOnlyRole(dbs.primary(), password);
        dbs.project().writeDatabaseYml(db().developmentYml(dbs.primary(), dbs.animals(), role, password));
        assertOk(dbs.mdb().run("db:migrate"));
        db().execute(dbs.primary(), "INSERT INTO users (id, name) VALUES (1, 'Alice')");

        String url = db().server().jdbcUrl(dbs.primary());
        try (Connection replica = DriverManager.getConnection(url, role, password);
                Statement statement = replica.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT name FROM users WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("Alice");
            }
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO users (id, name) VALUES (2, 'Bob')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
        }
        assertThat(db().count(dbs.primary(), "SELECT count(*) FROM users")).isEqualTo(1);
    }

    /** Creates the databases, adds {@link #BROKEN_FILE} to db/migrate and runs {@code db:migrate:primary}. */
    MdbResult migrateWithBrokenMigration(Databases dbs) throws IOException {
        assertOk(dbs.mdb().run("db:create"));
        dbs.project().addMigration("db/migrate", BROKEN_FILE, BROKEN_SQL);
        return dbs.mdb().run("db:migrate:primary");
    }

    /** Exit 1 and one {@code mdb:} line naming the file, the failing statement and the engine's error. */
    void assertBrokenMigrationReported(MdbResult result, Databases dbs) throws SQLException {
        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.errLines()).as("%s", result).hasSize(1);
        assertThat(result.errLines().get(0))
                .startsWith("mdb: ")
                .contains(BROKEN_FILE)
                .contains("INSERT INTO no_such_table VALUES (1)")
                .contains(missingTableError())
                .contains(dbs.primary());
        assertThat(db().tableExists(dbs.primary(), "posts"))
                .as("migrations before the broken one stay applied")
                .isTrue();
    }

    /**
     * Rails records the environment before it runs migrations, so a database whose first {@code db:migrate} failed
     * half-way can still be dropped without {@code db:environment:set}.
     */
    @Test
    void drop_afterFailedFirstMigrate_dropsTheDatabases() throws Exception {
        Databases dbs = newProject(db().server().username(), "unused");
        MdbResult failed = migrateWithBrokenMigration(dbs);
        assertThat(failed.exitCode()).as("%s", failed).isEqualTo(1);

        MdbResult drop = dbs.mdb().run("db:drop");

        assertOk(drop);
        assertThat(db().databaseExists(dbs.primary())).isFalse();
        assertThat(db().databaseExists(dbs.animals())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:create", "db:migrate", "db:migrate:status", "db:version", "db:drop"})
    void task_unreachableServer_exitsUnavailableNamingHostAndPort(String task) throws IOException {
        String canary = canary();
        SampleProject project = SampleProject.in(projectDir);
        project.writeDatabaseYml("development:\n  primary:\n"
                + db().entry(
                                db().server().newDatabaseName(),
                                "127.0.0.1",
                                1,
                                db().server().username(),
                                canary));

        MdbResult result = project.mdb().run(task);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(4);
        assertThat(result.errLines()).as("%s", result).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("mdb: ").contains("127.0.0.1:1");
        assertThat(result.out() + result.err()).doesNotContain(canary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:create", "db:migrate", "db:migrate:status"})
    void task_authenticationFailure_exitsUnavailableSayingAuthenticationFailed(String task) throws IOException {
        String canary = canary();
        String database = db().server().newDatabaseName();
        String user = userFailingAuthentication(database, canary);
        SampleProject project = SampleProject.in(projectDir);
        project.writeDatabaseYml("development:\n  primary:\n" + db().entry(database, user, canary));

        MdbResult result = project.mdb().run(task);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(4);
        assertThat(result.errLines()).as("%s", result).hasSize(1);
        assertThat(result.errLines().get(0))
                .startsWith("mdb: ")
                .contains("authentication failed")
                .contains(user);
        assertThat(result.out() + result.err()).doesNotContain(canary);
    }

    @Test
    void trace_connectionErrors_printStackTraceWithoutPassword() throws IOException {
        String canary = canary();
        String database = db().server().newDatabaseName();
        String user = userFailingAuthentication(database, canary);
        SampleProject project = SampleProject.in(projectDir);
        project.writeDatabaseYml("development:\n"
                + "  unreachable:\n" + db().entry(database, "127.0.0.1", 1, user, canary)
                + "  refused:\n" + db().entry(database, user, canary));

        for (String task :
                List.of("db:create:unreachable", "db:migrate:unreachable", "db:create:refused", "db:migrate:refused")) {
            MdbResult result = project.mdb().run("--trace", task);

            assertThat(result.exitCode()).as("%s", result).isEqualTo(4);
            assertThat(result.err()).as("%s", result).startsWith("mdb: ").contains("\tat ");
            assertThat(result.out() + result.err()).doesNotContain(canary);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:migrate", "db:migrate:status", "db:version", "db:rollback"})
    void task_missingDatabase_exitsFailureSayingRunCreate(String task) throws IOException {
        String canary = canary();
        String database = db().server().newDatabaseName();
        String user = userWithPassword(database, canary);
        SampleProject project = SampleProject.in(projectDir);
        project.writeDatabaseYml("development:\n  primary:\n" + db().entry(database, user, canary));

        MdbResult result = project.mdb().run(task);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.errLines()).as("%s", result).hasSize(1);
        assertThat(result.errLines().get(0))
                .startsWith("mdb: ")
                .contains("'" + database + "' does not exist")
                .contains("mdb db:create");
        assertThat(result.out() + result.err()).doesNotContain(canary);
    }

    @Test
    void create_existingDatabase_saysAlreadyExistsAndSucceeds() throws IOException, SQLException {
        String database = db().server().newDatabaseName();
        SampleProject project = SampleProject.in(projectDir);
        project.writeDatabaseYml("development:\n  primary:\n" + db().server().databaseYmlEntry(database));
        assertOk(project.mdb().run("db:create"));

        MdbResult again = project.mdb().run("db:create");

        assertOk(again);
        assertThat(again.errLines()).containsExactly("Database '" + database + "' already exists");
        assertThat(again.out()).isEmpty();
        assertThat(db().databaseExists(database)).isTrue();
    }

    @Test
    void drop_missingDatabase_saysDoesNotExistAndSucceeds() throws IOException, SQLException {
        String database = db().server().newDatabaseName();
        SampleProject project = SampleProject.in(projectDir);
        project.writeDatabaseYml("development:\n  primary:\n" + db().server().databaseYmlEntry(database));

        MdbResult result = project.mdb().run("db:drop");

        assertOk(result);
        assertThat(result.errLines()).containsExactly("Database '" + database + "' does not exist");
        assertThat(result.out()).isEmpty();
        assertThat(db().databaseExists(database)).isFalse();
    }

    /** A sample project whose database.yml names two new databases and a replica logging in as {@code replicaUser}. */
    Databases newProject(String replicaUser, String replicaPassword) throws IOException {
        SampleProject project = SampleProject.in(projectDir);
        String primary = db().server().newDatabaseName();
        String animals = db().server().newDatabaseName();
        project.writeDatabaseYml(db().developmentYml(primary, animals, replicaUser, replicaPassword));
        return new Databases(project, primary, animals);
    }

    /** {@code db:migrate:status} of every database, parsed. */
    static Map<String, Map<String, String>> status(Databases dbs) {
        return status(dbs, "db:migrate:status");
    }

    /** {@code task} (db:migrate:status or db:migrate:status:NAME), parsed. */
    static Map<String, Map<String, String>> status(Databases dbs, String task) {
        MdbResult result = dbs.mdb().run(task);
        assertOk(result);
        return StatusTable.parse(result.out());
    }

    /** The status of both databases with every sample migration applied. */
    static Map<String, Map<String, String>> allUp(Databases dbs) {
        return Map.of(
                dbs.primary(), Map.of(USERS, "up", EMAIL, "up", POSTS, "up"),
                dbs.animals(), Map.of(DOGS, "up", CATS, "up"));
    }

    static String banner(String version, String className, String what) {
        return "== " + version + " " + className + ": " + what;
    }

    static void assertOk(MdbResult result) {
        assertThat(result.exitCode()).as("%s", result).isZero();
    }

    /** Each fragment occurs in stdout, after the previous one. */
    static void assertInOrder(MdbResult result, String... fragments) {
        int from = 0;
        for (String fragment : fragments) {
            int at = result.out().indexOf(fragment, from);
            assertThat(at)
                    .as("'%s' after offset %d in%n%s", fragment, from, result)
                    .isNotNegative();
            from = at + fragment.length();
        }
    }

    /** A password that must never show up in mdb's output. */
    static String canary() {
        return "s3cr3t-canary-" + randomHex();
    }

    static String randomHex() {
        return String.format(Locale.ROOT, "%08x", RANDOM.nextInt());
    }
}
