package dev.mdb.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive loop on a JLine dumb terminal: banner, prompts, a multi-line statement, history, \q. (A dumb
 * terminal neither echoes input nor draws continuation prompts; {@link ConsoleSessionTest} checks those prompts.)
 */
class ConsoleTerminalTest {
    @TempDir
    Path dir;

    private ConsoleProject project;
    private Path history;

    @BeforeEach
    void setUp() {
        project = ConsoleProject.create(dir);
        history = dir.resolve("history");
    }

    @Test
    void interactive_multiLineStatementAndQuit() {
        ConsoleProject.Run run =
                project.console("SELECT name\nFROM dogs\nWHERE id = 1;\n\\q\nSELECT 'not run';\n", "--interactive");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.terminal())
                .contains("mdb console: development/primary[default](writing) on primary (")
                .contains("Type \\? for help, \\q or Ctrl-D to quit.")
                .contains("development/primary[default](writing)>  name\n------\n Fido\n(1 row)\n")
                .doesNotContain("not run");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void interactive_writeUnderReading_printsMessageAndSessionContinues() {
        ConsoleProject.Run run = project.console(
                "UPDATE dogs SET age = 4 WHERE id = 1;\nSELECT age FROM dogs WHERE id = 1;\n",
                "--interactive",
                "--role",
                "reading");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.err())
                .isEqualTo("mdb: Write query attempted while in readonly mode: UPDATE dogs SET age = 4 WHERE id = 1\n");
        assertThat(run.terminal())
                .contains("development/primary[default](reading, read-only)> ")
                .contains("writes are prevented")
                .contains(" age\n-----\n   3\n(1 row)\n");
    }

    @Test
    void interactive_history_keepsStatementsButNoMetaCommands() throws IOException {
        ConsoleProject.Run run = project.console(
                "\\role reading\nSELECT count(*)\n  FROM dogs;\n\\timing\nSELECT 'password' AS p;\n\\role writing\n",
                Map.of("MDB_HISTORY", history.toString()),
                "--interactive");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        String saved = Files.readString(history, StandardCharsets.UTF_8);
        assertThat(saved).contains("SELECT count(*)").contains("FROM dogs;");
        assertThat(saved).doesNotContain("\\role").doesNotContain("\\timing").doesNotContain("password");
    }

    @Test
    void interactive_endOfInput_quits() {
        ConsoleProject.Run run = project.console("SELECT 1 AS one;\n", "--interactive", "-q");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.terminal()).doesNotContain("mdb console:").contains(" one\n-----\n   1\n(1 row)\n");
    }
}
