package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration lock on MariaDB ({@code GET_LOCK}) seen by a waiting migrator, and a migrator killed with SIGKILL in
 * the middle of a file: MariaDB commits each DDL statement at once, so the rerun must say which statements are there.
 */
@Tag("mariadb")
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MariadbMigrationSafetyIT {
    @RegisterExtension
    static final DatabaseServerExtension MARIADB = DatabaseServerExtension.mariadb();

    /** mdb's lock name for the session's database, as {@code MysqlLocks} builds it from {@code MigrationLocks.KEY}. */
    private static final String LOCK_NAME =
            "CONCAT('mdb:', SHA1(CONCAT('mdb:migrate:flyway_schema_history', ':', DATABASE())))";

    @TempDir
    Path projectDir;

    @TempDir
    Path logDir;

    private SampleProject project;
    private MigratedDatabase db;

    @BeforeEach
    void createProject() throws Exception {
        project = SampleProject.empty(projectDir);
        String database = MARIADB.createDatabase();
        db = MigratedDatabase.mariadb(MARIADB, database);
        project.writeDatabaseYml("development:\n  primary:\n" + MARIADB.databaseYmlEntry(database));
        project.addMigration("db/migrate", "V1__create_items.sql", "CREATE TABLE items (id INT PRIMARY KEY);\n");
    }

    @Test
    void migrate_lockHeldElsewhereWithLockWait_givesUpNamingTheHolder() throws Exception {
        try (Connection holder = db.connect()) {
            long holderId = holdMigrationLock(holder);
            long started = System.nanoTime();

            MdbResult migrate = project.mdb().run("db:migrate", "--lock-wait", "2");

            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(8));
            assertThat(migrate.exitCode()).as("%s", migrate).isEqualTo(1);
            assertThat(migrate.errLines()).as("%s", migrate).hasSize(1);
            assertThat(migrate.errLines().get(0))
                    .startsWith("mdb: ")
                    .contains(db.name())
                    .contains("within 2 s (--lock-wait)")
                    .contains("held by connection " + holderId + " ");
            assertThat(db.tableExists("items")).isFalse();
        }
    }

    @Test
    void migrate_lockReleasedWhileWaiting_saysWhoHoldsItThenCompletes() throws Exception {
        try (Connection holder = db.connect()) {
            long holderId = holdMigrationLock(holder);
            MdbRunner.Background waiter = project.mdb().start("db:migrate");
            Await.until(
                    Duration.ofSeconds(10),
                    "the waiter to report the holder",
                    () -> waiter.errSoFar()
                            .contains("waiting for the migration lock of development/primary (" + db.name()
                                    + "), held by connection " + holderId + " "));

            MigratedDatabase.execute(holder, "SELECT RELEASE_LOCK(" + LOCK_NAME + ")");

            MdbResult migrate = waiter.result(Duration.ofSeconds(20));
            assertThat(migrate.exitCode()).as("%s", migrate).isZero();
            assertThat(db.history()).containsExactly("1 success");
        }
    }

    @Test
    void migrate_holderConnectionKilled_freesTheWaiter() throws Exception {
        try (Connection holder = db.connect()) {
            long holderId = holdMigrationLock(holder);
            MdbRunner.Background waiter = project.mdb().start("db:migrate");
            Await.until(
                    Duration.ofSeconds(10),
                    "the waiter to report the holder",
                    () -> waiter.errSoFar().contains("held by connection " + holderId + " "));

            db.execute("KILL " + holderId);

            MdbResult migrate = waiter.result(Duration.ofSeconds(20));
            assertThat(migrate.exitCode()).as("%s", migrate).isZero();
            assertThat(db.history()).containsExactly("1 success");
        }
    }

    /**
     * Killed after two statements of a file committed, while the third runs (it waits for a gate, a named lock the
     * test holds, standing in for a slow statement): the rerun says what of the file is in the catalog; finishing it
     * by hand and making the file safe to run again lets {@code db:migrate} complete.
     */
    @Test
    void migrate_killedMidFile_rerunSaysWhichStatementsAreDoneAndRecovers() throws Exception {
        assertThat(project.mdb().run("db:migrate").exitCode()).isZero();
        String gateName = "'" + db.name() + ":gate'";
        String file = "V2__create_abc.sql";
        String sql = "CREATE TABLE a (id INT);\n"
                + "CREATE TABLE b (id INT);\n"
                + "SELECT GET_LOCK(" + gateName + ", 60);\n"
                + "CREATE TABLE c (id INT);\n";
        project.addMigration("db/migrate", file, sql);

        try (Connection gate = db.connect()) {
            MigratedDatabase.execute(gate, "SELECT GET_LOCK(" + gateName + ", 0)");
            String waiting = "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + db.name() + "'"
                    + " AND INFO LIKE 'SELECT GET_LOCK(%'";
            try (ChildMdb child = ChildMdb.start(projectDir, logDir, "db:migrate")) {
                Await.until(Duration.ofSeconds(30), "the migration to wait for the gate", () -> {
                    assertThat(child.isAlive()).as("%s", child.describe()).isTrue();
                    return db.count("SELECT count(*) FROM (" + waiting + ") w") == 1;
                });
                child.kill();
            }
            // MariaDB ends a statement waiting for a named lock once its client is gone; only then can the rerun
            // take the migration session's lock, which the killed run's connection held.
            Await.until(
                    Duration.ofSeconds(15),
                    "MariaDB to end the killed run's statement",
                    () -> db.count("SELECT count(*) FROM (" + waiting + ") w") == 0);
            assertThat(db.history()).containsExactly("1 success", "2 failed, execution_time -1");
            MigratedDatabase.execute(gate, "SELECT RELEASE_LOCK(" + gateName + ")");
        }

        MdbResult rerun = project.mdb().run("db:migrate");

        assertThat(rerun.exitCode()).as("%s", rerun).isEqualTo(1);
        assertThat(rerun.errLines()).as("%s", rerun).hasSize(1);
        assertThat(rerun.errLines().get(0))
                .startsWith("mdb: ")
                .contains(file)
                .contains(db.name())
                .contains("was cut off")
                .contains("done: CREATE TABLE a (id (line 1), CREATE TABLE b (id (line 2)")
                .contains("not done: CREATE TABLE c (id (line 4)")
                .contains("not checked: SELECT GET_LOCK(")
                .contains("db:migrate:repair")
                .doesNotContain("failing one");
        assertThat(db.tableExists("a")).isTrue();
        assertThat(db.tableExists("c")).isFalse();

        db.execute("CREATE TABLE c (id INT)");
        project.addMigration("db/migrate", file, sql.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"));
        assertThat(project.mdb().run("db:migrate:repair").exitCode()).isZero();
        MdbResult migrate = project.mdb().run("db:migrate");

        assertThat(migrate.exitCode()).as("%s", migrate).isZero();
        assertThat(migrate.errLines()).as("%s", migrate).isEmpty();
        assertThat(db.history()).containsExactly("1 success", "2 success");
    }

    /** Takes mdb's migration lock on {@code holder}, as another migrator would; returns its connection id. */
    private static long holdMigrationLock(Connection holder) throws Exception {
        assertThat(MigratedDatabase.number(holder, "SELECT GET_LOCK(" + LOCK_NAME + ", 0)"))
                .as("the migration lock is free")
                .isEqualTo(1);
        return MigratedDatabase.number(holder, "SELECT CONNECTION_ID()");
    }
}
