package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migrations that cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}), many migrators at once, and a
 * migrator waiting for the migration lock, on PostgreSQL: every run is bounded, so a deadlock between a waiting
 * migrator and a concurrent index build fails the test instead of hanging it.
 */
@Tag("postgresql")
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PostgresqlMigrationSafetyIT {
    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    static final String ITEMS_FILE = "V1__create_items.sql";
    static final String ITEMS_SQL = "CREATE TABLE items (id INT PRIMARY KEY, v INT NOT NULL);\n"
            + "INSERT INTO items SELECT g, g % 100 FROM generate_series(1, 5000) g;\n";
    static final String INDEX_FILE = "V2__index_items.sql";
    static final String INDEX_SQL = "CREATE INDEX CONCURRENTLY idx_items_v ON items (v);\n";

    @TempDir
    Path projectDir;

    private SampleProject project;
    private String database;
    private MigratedDatabase db;

    @BeforeEach
    void createProject() throws Exception {
        project = SampleProject.empty(projectDir);
        database = POSTGRES.createDatabase();
        db = MigratedDatabase.postgres(POSTGRES, database);
        project.writeDatabaseYml("development:\n  primary:\n" + POSTGRES.databaseYmlEntry(database));
        project.addMigration("db/migrate", ITEMS_FILE, ITEMS_SQL);
    }

    /** The three ways a file runs without a transaction. */
    enum NonTransactional {
        /** Every statement of the file must run outside a transaction. */
        ONLY_SUCH_STATEMENTS,
        /** {@code -- mdb:disable_ddl_transaction}, with an ordinary statement beside the index. */
        DIRECTIVE,
        /** Flyway's {@code V….sql.conf} with {@code executeInTransaction=false}, with an ordinary statement too. */
        CONF_FILE
    }

    @ParameterizedTest
    @EnumSource(NonTransactional.class)
    void migrate_concurrentIndex_buildsAValidIndexAndRecordsIt(NonTransactional how) throws Exception {
        String sql = switch (how) {
            case ONLY_SUCH_STATEMENTS -> INDEX_SQL;
            case DIRECTIVE -> "-- mdb:disable_ddl_transaction\n" + INDEX_SQL + "ANALYZE items;\n";
            case CONF_FILE -> INDEX_SQL + "ANALYZE items;\n";
        };
        Path file = project.addMigration("db/migrate", INDEX_FILE, sql);
        if (how == NonTransactional.CONF_FILE) {
            Files.writeString(
                    file.resolveSibling(INDEX_FILE + ".conf"), "executeInTransaction=false\n", StandardCharsets.UTF_8);
        }

        MdbResult migrate = project.mdb().run("db:migrate");

        assertOk(migrate);
        assertThat(migrate.out()).contains("== 2 IndexItems: migrated");
        assertThat(db.indexValid("idx_items_v")).as("pg_index.indisvalid").isTrue();
        assertThat(db.history()).containsExactly("1 success", "2 success");

        MdbResult again = project.mdb().run("db:migrate");

        assertOk(again);
        assertThat(again.out()).doesNotContain("migrating");
        assertThat(db.history()).containsExactly("1 success", "2 success");
    }

    @Test
    void migrate_concurrentIndexMixedWithOtherStatements_isRefusedBeforeAnythingRuns() throws Exception {
        assertOk(project.mdb().run("db:migrate"));
        project.addMigration(
                "db/migrate",
                "V3__tags.sql",
                "CREATE TABLE tags (id INT PRIMARY KEY, name TEXT);\n"
                        + "CREATE INDEX CONCURRENTLY idx_tags_name ON tags (name);\n");

        MdbResult migrate = project.mdb().run("db:migrate");

        assertThat(migrate.exitCode()).as("%s", migrate).isEqualTo(1);
        assertThat(migrate.errLines()).as("%s", migrate).hasSize(1);
        assertThat(migrate.errLines().get(0))
                .startsWith("mdb: ")
                .contains("V3__tags.sql line 2")
                .contains("CREATE INDEX CONCURRENTLY")
                .contains("-- mdb:disable_ddl_transaction");
        assertThat(db.tableExists("tags")).isFalse();
        assertThat(db.history()).containsExactly("1 success");
    }

    /**
     * A file that would be refused is found before any pending migration of the run is applied: the refusal says
     * "Nothing was run", and a deploy should not stop half-way over something a look at the files shows.
     */
    @Test
    void migrate_mixedFileAfterAPendingMigration_appliesNothing() throws Exception {
        project.addMigration(
                "db/migrate",
                "V3__tags.sql",
                "CREATE TABLE tags (id INT PRIMARY KEY, name TEXT);\n"
                        + "CREATE INDEX CONCURRENTLY idx_tags_name ON tags (name);\n");

        MdbResult migrate = project.mdb().run("db:migrate");

        assertThat(migrate.exitCode()).as("%s", migrate).isEqualTo(1);
        assertThat(migrate.errLines()).as("%s", migrate).hasSize(1);
        assertThat(migrate.errLines().get(0)).contains("V3__tags.sql line 2").contains("Nothing was run");
        assertThat(db.tableExists("items")).as("V1, pending in the same run").isFalse();
        assertThat(db.history()).isEmpty();
    }

    @Test
    void migrate_failingUniqueConcurrentIndex_namesTheInvalidIndexAndRecoversAfterCleanUp() throws Exception {
        assertOk(project.mdb().run("db:migrate"));
        project.addMigration(
                "db/migrate",
                "V2__unique_v.sql",
                "CREATE UNIQUE INDEX CONCURRENTLY idx_items_v_unique ON items (v);\n");

        MdbResult failed = project.mdb().run("db:migrate");

        assertThat(failed.exitCode()).as("%s", failed).isEqualTo(1);
        assertThat(failed.errLines()).as("%s", failed).hasSize(1);
        assertThat(failed.errLines().get(0))
                .startsWith("mdb: ")
                .contains("V2__unique_v.sql")
                .contains("line 1")
                .contains(database)
                .contains("could not create unique index")
                .contains("\"public\".\"idx_items_v_unique\" INVALID")
                .contains("DROP INDEX CONCURRENTLY \"public\".\"idx_items_v_unique\"");
        assertThat(db.indexValid("idx_items_v_unique")).isFalse();
        assertThat(db.history()).containsExactly("1 success");

        db.execute("DROP INDEX CONCURRENTLY \"public\".\"idx_items_v_unique\"");
        db.execute("DELETE FROM items WHERE id > 100");
        MdbResult migrate = project.mdb().run("db:migrate");

        assertOk(migrate);
        assertThat(db.indexValid("idx_items_v_unique")).isTrue();
        assertThat(db.history()).containsExactly("1 success", "2 success");
    }

    @Test
    void rollback_dropIndexConcurrently_revertsOutsideATransaction() throws Exception {
        project.addMigration("db/migrate", INDEX_FILE, INDEX_SQL);
        project.addMigration("db/migrate", "U2__index_items.sql", "DROP INDEX CONCURRENTLY idx_items_v;\n");
        assertOk(project.mdb().run("db:migrate"));

        MdbResult rollback = project.mdb().run("db:rollback");

        assertOk(rollback);
        assertThat(rollback.out()).contains("== 2 IndexItems: reverted");
        assertThat(db.indexExists("idx_items_v")).isFalse();
        assertThat(db.history()).containsExactly("1 success");
        assertOk(project.mdb().run("db:migrate"));
        assertThat(db.indexValid("idx_items_v")).isTrue();
    }

    /**
     * Eight deploys at once: one holds the lock and builds the index concurrently while seven poll for the lock; none
     * of the pollers holds a snapshot the build would wait for, so all finish and each migration runs once.
     */
    @Test
    void migrate_eightRunsAtOnceWithAConcurrentIndex_applyEachMigrationOnce() throws Exception {
        project.addMigration("db/migrate", INDEX_FILE, INDEX_SQL);
        project.addMigration("db/migrate", "V3__create_tags.sql", "CREATE TABLE tags (id INT PRIMARY KEY);\n");
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        List<MdbResult> results = new ArrayList<>();
        try {
            CountDownLatch ready = new CountDownLatch(runs);
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<MdbResult>> futures = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    gate.await();
                    return project.mdb().run("db:migrate");
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            gate.countDown();
            for (Future<MdbResult> future : futures) {
                results.add(future.get(40, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        long migrated = 0;
        for (MdbResult result : results) {
            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.errLines())
                    .as("%s", result)
                    .allMatch(line -> line.startsWith(
                            "took the migration lock of development/primary (" + database + ") after waiting "));
            migrated += result.outLines().stream()
                    .filter(line -> line.contains(": migrated"))
                    .count();
        }
        assertThat(migrated).as("migrated banners of all runs").isEqualTo(3);
        assertThat(db.history()).containsExactly("1 success", "2 success", "3 success");
        assertThat(db.indexValid("idx_items_v")).isTrue();
    }

    @Test
    void migrate_lockHeldElsewhereWithLockWait_givesUpNamingTheHolder() throws Exception {
        try (Connection holder = POSTGRES.connect(database)) {
            int holderPid = holdMigrationLock(holder);
            long started = System.nanoTime();

            MdbResult migrate = project.mdb().run("db:migrate", "--lock-wait", "2");

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(migrate.exitCode()).as("%s", migrate).isEqualTo(1);
            assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(8));
            assertThat(migrate.errLines()).as("%s", migrate).hasSize(1);
            assertThat(migrate.errLines().get(0))
                    .startsWith("mdb: ")
                    .contains(database)
                    .contains("within 2 s (--lock-wait)")
                    .contains("held by pid " + holderPid);
            assertThat(db.tableExists("items")).isFalse();
        }
    }

    @Test
    void migrate_lockReleasedWhileWaiting_saysWhoHoldsItThenCompletes() throws Exception {
        try (Connection holder = POSTGRES.connect(database)) {
            int holderPid = holdMigrationLock(holder);
            MdbRunner.Background waiter = project.mdb().start("db:migrate");
            String waiting = "waiting for the migration lock of development/primary (" + database + "), held by pid "
                    + holderPid + " (";
            Await.until(
                    Duration.ofSeconds(10),
                    "the waiter to report the holder",
                    () -> waiter.errSoFar().contains(waiting));

            MigratedDatabase.execute(holder, "SELECT pg_advisory_unlock(" + lockNumber() + ")");

            MdbResult migrate = waiter.result(Duration.ofSeconds(20));
            assertThat(migrate.exitCode()).as("%s", migrate).isZero();
            assertThat(migrate.errLines())
                    .as("%s", migrate)
                    .hasSize(2)
                    .last(InstanceOfAssertFactories.STRING)
                    .startsWith("took the migration lock of development/primary (" + database + ") after waiting")
                    .contains("pid " + holderPid);
            assertThat(db.history()).containsExactly("1 success");
        }
    }

    @Test
    void migrate_holderSessionTerminated_freesTheWaiter() throws Exception {
        try (Connection holder = POSTGRES.connect(database)) {
            int holderPid = holdMigrationLock(holder);
            MdbRunner.Background waiter = project.mdb().start("db:migrate");
            awaitPollingWaiter();

            db.execute("SELECT pg_terminate_backend(" + holderPid + ")");

            MdbResult migrate = waiter.result(Duration.ofSeconds(20));
            assertThat(migrate.exitCode()).as("%s", migrate).isZero();
            assertThat(db.history()).containsExactly("1 success");
        }
    }

    /** Takes mdb's migration lock on {@code holder}, as another migrator would; returns the holder's backend pid. */
    static int holdMigrationLock(Connection holder) throws SQLException {
        try (Statement s = holder.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), pg_try_advisory_lock(" + lockNumber() + ")")) {
            rs.next();
            assertThat(rs.getBoolean(2)).as("the migration lock is free").isTrue();
            return rs.getInt(1);
        }
    }

    /**
     * The advisory lock key of mdb's migration lock: FNV-1a of {@code mdb:migrate:flyway_schema_history}, as {@code
     * PostgresqlLocks.number(MigrationLocks.KEY)} computes it (both package-private in other modules). A test here
     * failing to make mdb wait would show that they drifted apart.
     */
    static long lockNumber() {
        long hash = 0xcbf29ce484222325L;
        for (byte b : "mdb:migrate:flyway_schema_history".getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** Until an mdb session of the database polls for the migration lock. */
    private void awaitPollingWaiter() throws Exception {
        Await.until(
                Duration.ofSeconds(15),
                "db:migrate to poll for the migration lock",
                () -> db.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND query LIKE 'SELECT pg_try_advisory_lock%' AND pid <> pg_backend_pid()")
                        > 0);
    }

    static void assertOk(MdbResult result) {
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.errLines()).as("%s", result).isEmpty();
    }
}
