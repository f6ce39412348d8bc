package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code mdb db:migrate} killed with SIGKILL in a JVM of its own while PostgreSQL works on a migration, then run again.
 * The server does not notice a dead client while a statement runs: the killed run's statement goes on and ends on its
 * own (or is terminated by an operator). The rerun must wait for that outcome, then find an honest history.
 *
 * <p>The slow statement waits for a gate, an advisory lock the test holds, instead of sleeping: the test decides when
 * the statement ends, and whether it succeeds (gate opened) or dies ({@code pg_terminate_backend}).
 */
@Tag("postgresql")
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PostgresqlMigrationCrashIT {
    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    private static final long GATE = 4242;
    private static final String FUNCTION_FILE = "V1__create_items.sql";
    private static final String FUNCTION_SQL = "CREATE TABLE items (id INT PRIMARY KEY, v INT NOT NULL);\n"
            + "INSERT INTO items SELECT g, g % 100 FROM generate_series(1, 2000) g;\n"
            + "CREATE FUNCTION gated_v(x INT) RETURNS INT IMMUTABLE LANGUAGE plpgsql AS $$\n"
            + "BEGIN\n"
            + "    PERFORM pg_advisory_xact_lock_shared(" + GATE + ");\n"
            + "    RETURN x;\n"
            + "END\n"
            + "$$;\n";
    private static final String INDEX_FILE = "V2__index_items_gated.sql";
    private static final String INDEX_SQL = "CREATE INDEX CONCURRENTLY idx_items_gated ON items (gated_v(v));\n";
    private static final String INDEX = "idx_items_gated";

    /** mdb runs here without re-dumping the schema: the SQL dumper refuses functions. */
    private static final String[] MIGRATE = {"db:migrate", "--no-schema-dump"};

    @TempDir
    Path projectDir;

    @TempDir
    Path logDir;

    private SampleProject project;
    private MigratedDatabase db;

    @BeforeEach
    void createProject() throws Exception {
        project = SampleProject.empty(projectDir);
        String database = POSTGRES.createDatabase();
        db = MigratedDatabase.postgres(POSTGRES, database);
        project.writeDatabaseYml("development:\n  primary:\n" + POSTGRES.databaseYmlEntry(database));
    }

    /** How the statement the killed run left behind on the server ends. */
    enum Orphan {
        /** It runs to its end: the gate opens. */
        FINISHES,
        /** An operator terminates its backend. */
        IS_TERMINATED
    }

    @ParameterizedTest
    @EnumSource(Orphan.class)
    void migrate_killedDuringConcurrentIndexBuild_rerunWaitsThenSaysWhatIsLeftAndRecovers(Orphan orphan)
            throws Exception {
        project.addMigration("db/migrate", FUNCTION_FILE, FUNCTION_SQL);
        PostgresqlMigrationSafetyIT.assertOk(project.mdb().run(MIGRATE));
        project.addMigration("db/migrate", INDEX_FILE, INDEX_SQL);

        try (Connection gate = db.connect()) {
            MigratedDatabase.execute(gate, "SELECT pg_advisory_lock(" + GATE + ")");
            int orphanPid = killWhileWaitingForGate("CREATE INDEX CONCURRENTLY%");
            assertThat(db.history()).containsExactly("1 success", "2 failed, execution_time -1");

            MdbResult whileRunning = project.mdb().run("db:migrate", "--no-schema-dump", "--lock-wait", "2");

            assertWaitedFor(whileRunning, orphanPid);
            end(orphanPid, orphan, gate);
        }

        MdbResult rerun = project.mdb().run(MIGRATE);

        assertThat(rerun.exitCode()).as("%s", rerun).isEqualTo(1);
        assertThat(rerun.errLines()).as("%s", rerun).hasSize(1);
        String message = rerun.errLines().get(0);
        assertThat(message)
                .startsWith("mdb: ")
                .contains(INDEX_FILE)
                .contains(db.name())
                .contains("was cut off")
                .contains("db:migrate:repair");
        if (orphan == Orphan.FINISHES) {
            assertThat(db.indexValid(INDEX)).isTrue();
            assertThat(message).contains("done: CREATE INDEX CONCURRENTLY " + INDEX + " (line 1)");
            // The index is complete: keep it, and make the statement safe to run again.
            project.addMigration(
                    "db/migrate", INDEX_FILE, INDEX_SQL.replace("CONCURRENTLY", "CONCURRENTLY IF NOT EXISTS"));
        } else {
            assertThat(db.indexValid(INDEX)).isFalse();
            assertThat(message)
                    .contains("not done: CREATE INDEX CONCURRENTLY " + INDEX + " (line 1)")
                    .contains("\"public\".\"" + INDEX + "\" INVALID")
                    .contains("DROP INDEX CONCURRENTLY \"public\".\"" + INDEX + "\"");
            db.execute("DROP INDEX CONCURRENTLY \"public\".\"" + INDEX + "\"");
        }
        PostgresqlMigrationSafetyIT.assertOk(project.mdb().run("db:migrate:repair"));
        MdbResult migrate = project.mdb().run(MIGRATE);

        PostgresqlMigrationSafetyIT.assertOk(migrate);
        assertThat(db.history()).containsExactly("1 success", "2 success");
        assertThat(db.indexValid(INDEX)).isTrue();
    }

    /**
     * A migration whose COMMIT is slow (a deferred constraint trigger) is killed during the commit. Its tables and its
     * history row commit together: both there or both absent, at every moment, and the rerun ends the job.
     */
    @ParameterizedTest
    @EnumSource(Orphan.class)
    void migrate_killedDuringSlowCommit_leavesTablesAndHistoryRowTogether(Orphan orphan) throws Exception {
        project.addMigration(
                "db/migrate",
                "V1__create_accounts.sql",
                "CREATE TABLE accounts (id INT PRIMARY KEY);\n"
                        + "CREATE TABLE ledger (id INT PRIMARY KEY, account_id INT REFERENCES accounts (id));\n"
                        + "CREATE FUNCTION gate_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                        + "BEGIN\n"
                        + "    PERFORM pg_advisory_xact_lock_shared(" + GATE + ");\n"
                        + "    RETURN NULL;\n"
                        + "END\n"
                        + "$$;\n"
                        + "CREATE CONSTRAINT TRIGGER accounts_gate AFTER INSERT ON accounts"
                        + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION gate_at_commit();\n"
                        + "INSERT INTO accounts VALUES (1);\n"
                        + "INSERT INTO ledger VALUES (1, 1);\n");

        try (Connection gate = db.connect()) {
            MigratedDatabase.execute(gate, "SELECT pg_advisory_lock(" + GATE + ")");
            int orphanPid = killWhileWaitingForGate("COMMIT");
            assertTogether(false);

            MdbResult whileCommitting = project.mdb().run("db:migrate", "--no-schema-dump", "--lock-wait", "2");

            assertWaitedFor(whileCommitting, orphanPid);
            assertTogether(false);
            end(orphanPid, orphan, gate);
        }

        MdbResult rerun = project.mdb().run(MIGRATE);

        PostgresqlMigrationSafetyIT.assertOk(rerun);
        if (orphan == Orphan.FINISHES) {
            assertThat(rerun.out()).as("the killed run's commit went through").doesNotContain("migrating");
        } else {
            assertThat(rerun.out()).contains("== 1 CreateAccounts: migrated");
        }
        assertTogether(true);
        assertThat(db.count("SELECT count(*) FROM ledger")).isEqualTo(1);
    }

    /**
     * Starts {@code db:migrate} in a JVM of its own, waits until its statement ({@code query} pattern) waits for the
     * gate, kills the JVM with SIGKILL and returns the backend pid the statement runs on, which goes on.
     */
    private int killWhileWaitingForGate(String query) throws Exception {
        try (ChildMdb child = ChildMdb.start(projectDir, logDir, MIGRATE)) {
            String waiting = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()" + " AND query LIKE '"
                    + query + "' AND wait_event_type = 'Lock' AND wait_event = 'advisory'";
            Await.until(Duration.ofSeconds(30), "the migration to wait for the gate; " + child.describe(), () -> {
                assertThat(child.isAlive()).as("%s", child.describe()).isTrue();
                return db.count("SELECT count(*) FROM (" + waiting + ") w") == 1;
            });
            child.kill();
            try (Connection c = db.connect()) {
                return (int) MigratedDatabase.number(c, waiting);
            }
        }
    }

    /** The rerun with {@code --lock-wait} finds the killed run's statement still holding the database. */
    private static void assertWaitedFor(MdbResult result, int orphanPid) {
        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.errLines()).as("%s", result).hasSize(1);
        assertThat(result.errLines().get(0))
                .startsWith("mdb: couldn't take the migration lock")
                .contains("held by pid " + orphanPid + " ")
                .contains("active");
    }

    /** Ends the killed run's statement as {@code orphan} says, then opens the gate for what follows. */
    private void end(int orphanPid, Orphan orphan, Connection gate) throws Exception {
        if (orphan == Orphan.IS_TERMINATED) {
            db.execute("SELECT pg_terminate_backend(" + orphanPid + ")");
        }
        MigratedDatabase.execute(gate, "SELECT pg_advisory_unlock(" + GATE + ")");
    }

    private void assertTogether(boolean present) throws Exception {
        List<String> state = List.of(
                "accounts " + db.tableExists("accounts"),
                "ledger " + db.tableExists("ledger"),
                "history " + db.history());
        assertThat(state)
                .containsExactly(
                        "accounts " + present, "ledger " + present, "history " + (present ? "[1 success]" : "[]"));
    }
}
