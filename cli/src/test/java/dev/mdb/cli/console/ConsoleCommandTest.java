package dev.mdb.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mdb console} in script mode (-c, -f, piped input) on SQLite: output, errors, exit codes, routing. */
class ConsoleCommandTest {
    private static final String READ_ONLY = "mdb: Write query attempted while in readonly mode: ";

    @TempDir
    Path dir;

    private ConsoleProject project;

    @BeforeEach
    void setUp() {
        project = ConsoleProject.create(dir);
    }

    private String primaryAt() {
        return "(development/primary at " + dir.resolve("storage/primary.sqlite3") + ")";
    }

    @Test
    void dashC_select_printsAlignedTableWithNullAndRowCount() {
        ConsoleProject.Run run = project.console("", "-c", "SELECT id, name, age FROM dogs ORDER BY id");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                 id | name  | age
                ----+-------+------
                  1 | Fido  |    3
                  2 | Rex   | NULL
                  3 | Laika |   11
                (3 rows)
                """);
    }

    @Test
    void dashF_script_runsStatementsInOrderWithCommandTags() throws IOException {
        Path script = dir.resolve("script.sql");
        Files.writeString(script, """
                -- a comment; with a semicolon
                INSERT INTO dogs (id, name, age)
                  VALUES (4, 'Semi;colon', 2);
                UPDATE dogs SET age = age + 1 WHERE age < 5; /* two rows */
                SELECT count(*) AS n FROM dogs
                """, StandardCharsets.UTF_8);

        ConsoleProject.Run run = project.console("", "-f", script.toString());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).isEqualTo("""
                INSERT 1
                UPDATE 2
                 n
                ---
                 4
                (1 row)
                """);
        assertThat(project.column("primary.sqlite3", "SELECT name FROM dogs WHERE id = 4"))
                .containsExactly("Semi;colon");
    }

    @Test
    void stdin_sqlError_stopsAtFirstErrorWithExitOneNamingTheTarget() {
        ConsoleProject.Run run = project.console("SELECT 1 AS one;\nSELECT * FROM nope;\nSELECT 2 AS two;\n");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.out()).contains("one").doesNotContain("two");
        assertThat(run.err())
                .startsWith("mdb: ")
                .contains("no such table: nope")
                .endsWith(primaryAt() + "\n");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void stdin_onErrorContinue_runsTheRestAndExitsOne() {
        ConsoleProject.Run run = project.console("SELECT * FROM nope;\nSELECT 2 AS two;\n", "--on-error", "continue");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.out()).contains("two");
        assertThat(run.err()).contains("no such table: nope");
    }

    @Test
    void roleReading_update_isRefusedWithRailsMessageAndDataUnchanged() {
        ConsoleProject.Run run = project.console(
                "", "--role", "reading", "-c", "UPDATE dogs SET age = 4 WHERE id = 1; SELECT 'after' AS x");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(READ_ONLY + "UPDATE dogs SET age = 4 WHERE id = 1\n");
        assertThat(run.out()).doesNotContain("after");
        assertThat(project.column("primary.sqlite3", "SELECT age FROM dogs WHERE id = 1"))
                .containsExactly("3");
    }

    @Test
    void roleReading_select_readsTheReplica() {
        ConsoleProject.Run run = project.console("", "--role", "reading", "-c", "SELECT name FROM dogs WHERE id = 3");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).contains("Laika");
    }

    @Test
    void metaCommands_switchRoleBetweenStatements_refuseThenAllowWrites() {
        ConsoleProject.Run run = project.console("""
                \\role reading
                UPDATE dogs SET age = 5 WHERE id = 1;
                \\role writing
                UPDATE dogs SET age = 6 WHERE id = 1;
                """, "--on-error", "continue");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(READ_ONLY + "UPDATE dogs SET age = 5 WHERE id = 1\n");
        assertThat(run.out())
                .contains("Now on development/primary[default](reading, read-only): primary_replica")
                .contains("Now on development/primary[default](writing): primary (")
                .endsWith("UPDATE 1\n");
        assertThat(project.column("primary.sqlite3", "SELECT age FROM dogs WHERE id = 1"))
                .containsExactly("6");
    }

    @Test
    void shard_selectsTheShardDatabase() {
        ConsoleProject.Run run = project.console("", "--shard", "shard_one", "-c", "SELECT name FROM dogs");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).contains("Shardy").doesNotContain("Fido");
    }

    @Test
    void unknownShard_exitsThreeWithRailsMessageBeforeConnecting() {
        ConsoleProject.Run run = project.console("", "--shard", "foo", "--role", "reading", "-c", "SELECT 1");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
        assertThat(run.err())
                .isEqualTo("mdb: No database connection defined for 'foo' shard and 'reading' role."
                        + " Group primary has shards: default, shard_one.\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownRoleOnOtherGroup_exitsThreeNamingTheGroup() {
        ConsoleProject.Run run = project.console("", "--database", "animals", "--role", "reading", "-c", "SELECT 1");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
        assertThat(run.err())
                .isEqualTo("mdb: No database connection defined for animals with 'reading' role."
                        + " Shard 'default' of animals has roles: writing.\n");
    }

    @Test
    void unknownGroup_exitsThree() {
        ConsoleProject.Run run = project.console("", "--database", "foo", "-c", "SELECT 1");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
        assertThat(run.err()).startsWith("mdb: No database group 'foo'").contains("primary, animals");
    }

    @Test
    void unknownEnvironment_exitsThree() {
        ConsoleProject.Run run = project.console("", "-e", "staging", "-c", "SELECT 1");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
    }

    @Test
    void unreachableDatabase_exitsFour() throws IOException {
        Path config = dir.resolve("broken.yml");
        Files.writeString(config, """
                development:
                  primary:
                    adapter: sqlite3
                    database: no/such/directory/x.sqlite3
                    password: s3cret-canary
                """, StandardCharsets.UTF_8);

        ConsoleProject.Run run = project.console("", "--config", config.toString(), "-c", "SELECT 1");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(4);
        assertThat(run.err()).startsWith("mdb: couldn't connect to primary (").doesNotContain("s3cret-canary");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void dashCAndDashF_together_areAUsageError() {
        ConsoleProject.Run run = project.console("", "-c", "SELECT 1", "-f", "x.sql");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    }

    @Test
    void databaseAnimals_listsAndDescribesItsTables() {
        ConsoleProject.Run run = project.console("\\dt\n\\d cats\n", "--database", "animals");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).isEqualTo("""
                 Name | Type
                ------+-------
                 cats | table
                (1 row)
                Table "cats"
                 Column |  Type   | Nullable | Default
                --------+---------+----------+---------
                 id     | INTEGER |          |
                 name   | TEXT    |          |
                (2 rows)
                """);
    }

    @Test
    void describe_showsTypeNullabilityAndDefault() {
        ConsoleProject.Run run = project.console("\\d dogs\n\\d nope\n");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.out())
                .contains(" name   | VARCHAR(40) | not null |")
                .contains(" age    | INTEGER     |          | 1");
        assertThat(run.err()).startsWith("mdb: no table named 'nope' on primary (");
    }

    @Test
    void expandedAndTiming_toggle() {
        ConsoleProject.Run run = project.console("\\x\n\\timing on\nSELECT id, name FROM dogs WHERE id = 2;\n");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.subList(0, 6))
                .containsExactly(
                        "Expanded display is on.",
                        "Timing is on.",
                        "-[ RECORD 1 ]-",
                        "id   | 2",
                        "name | Rex",
                        "(1 row)");
        assertThat(lines.get(6)).matches("Time: \\d+\\.\\d{3} ms");
    }

    @Test
    void unknownMetaCommand_failsTheScript() {
        ConsoleProject.Run run = project.console("\\frobnicate\nSELECT 1 AS one;\n");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("mdb: unknown meta-command \\frobnicate. Type \\? for help.\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void routesMetaCommand_andQuit_stopReading() {
        ConsoleProject.Run run = project.console("\\routes\n\\q\nSELECT 'not run' AS x;\n");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out())
                .startsWith("GROUP")
                .contains("primary_shard_one_replica")
                .doesNotContain("not run");
    }

    @Test
    void help_describesOptionsAsTheConsoleReadsThem() {
        ConsoleProject.Run run = project.mdb("", Map.of(), "console", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("--database=GROUP")
                .contains("Database group to connect to")
                .contains("--role=ROLE")
                .contains("--on-error=stop|continue")
                .doesNotContain("--format");
    }
}
