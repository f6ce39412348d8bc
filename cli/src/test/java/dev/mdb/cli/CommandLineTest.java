package dev.mdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Task sequencing, task listing, help and command-line errors. */
class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void severalTasks_oneInvocation_runInOrder() {
        SqliteProject project = SqliteProject.multiDb(dir);
        project.ok("db:create", "db:migrate");

        CliRun run = project.run(Map.of("SKIP_TEST_DATABASE", "1"), "db:drop", "db:create", "db:migrate");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .startsWith(
                        "Dropped database 'storage/development.sqlite3'",
                        "Dropped database 'storage/development_animals.sqlite3'",
                        "Created database 'storage/development.sqlite3'",
                        "Created database 'storage/development_animals.sqlite3'")
                .filteredOn(l -> l.contains(": migrated ("))
                .hasSize(5);
        assertThat(project.appliedVersions("storage/development.sqlite3")).hasSize(3);
    }

    @Test
    void severalTasks_firstFails_laterTasksDoNotRun() {
        SqliteProject project = SqliteProject.multiDb(dir);

        CliRun run = project.run("db:migrate:primary", "db:create");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(project.exists("storage/development.sqlite3")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-T", "--tasks"})
    void listTasks_multiDb_listsVisibleNamespacedTasksOnly(String option) {
        SqliteProject project = SqliteProject.multiDb(dir);

        CliRun run = project.run(option);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines())
                .allMatch(l -> l.startsWith("mdb ") && l.contains("  # "))
                .anyMatch(l -> l.startsWith("mdb db:migrate:animals "))
                .anyMatch(l -> l.startsWith("mdb db:rollback:primary "))
                .anyMatch(l -> l.startsWith("mdb db:create:all "))
                .anyMatch(l -> l.startsWith("mdb generate migration "))
                .noneMatch(l -> l.contains(":primary_replica"))
                .noneMatch(l -> l.contains(":legacy"));
    }

    @Test
    void listTasks_unknownEnvironment_stillListsGenericTasks() {
        SqliteProject project = SqliteProject.multiDb(dir);

        CliRun run = project.run("-e", "staging", "--tasks");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines()).anyMatch(l -> l.startsWith("mdb db:migrate "));
        assertThat(run.err()).startsWith("mdb: ");
    }

    @Test
    void help_printsUsageWithExitCodes() {
        CliRun run = CliRun.run(Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Exit codes:")
                .contains("0   success")
                .contains("2   bad command line")
                .contains("3   database.yml invalid")
                .contains("4   cannot connect")
                .contains("70  an unexpected error");
        for (ExitCode code : ExitCode.values()) {
            String meaning = code.meaning();
            assertThat(run.out()).contains(meaning.substring(0, Math.min(20, meaning.length())));
        }
    }

    @Test
    void noTask_printsUsageAndSucceeds() {
        SqliteProject project = SqliteProject.multiDb(dir);

        CliRun run = project.run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: mdb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:frobnicate", "migrate", "db:schema:frobnicate"})
    void unknownTask_isUsageErrorRakeStyle(String task) {
        SqliteProject project = SqliteProject.multiDb(dir);

        CliRun run = project.run(task);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .containsExactly("mdb: Don't know how to build task '" + task
                        + "'. See the list of available tasks with `mdb --tasks`.");
    }

    @Test
    void unknownOption_isUsageError() {
        CliRun run = CliRun.run(Map.of(), "--no-such-option", "db:migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1).first().asString().startsWith("mdb: Unknown option");
    }
}
