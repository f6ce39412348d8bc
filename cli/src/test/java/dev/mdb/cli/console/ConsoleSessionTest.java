package dev.mdb.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL core without a terminal: an interactive session survives errors, switches routes, reconnects. */
class ConsoleSessionTest {
    @TempDir
    Path dir;

    private ConsoleProject project;
    private Mdb mdb;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        project = ConsoleProject.create(dir);
        mdb = Mdb.of(
                DatabaseConfigurations.load(dir.resolve("config/database.yml"), "development", Map.of()),
                "development",
                dir);
    }

    @AfterEach
    void tearDown() {
        mdb.close();
    }

    /** Lines typed by a person; an action may run before a line is returned. */
    private static final class Typed implements LineSource {
        private final Deque<Object> inputs = new ArrayDeque<>();
        private final List<String> prompts = new ArrayList<>();
        private final ConsoleConnection connection;

        Typed(ConsoleConnection connection, Object... inputs) {
            this.connection = connection;
            this.inputs.addAll(List.of(inputs));
        }

        @Override
        @SuppressWarnings("unchecked")
        public String readLine(String prompt, String continuation) {
            prompts.add(prompt);
            while (!inputs.isEmpty() && inputs.peek() instanceof Consumer<?>) {
                ((Consumer<ConsoleConnection>) inputs.pop()).accept(connection);
            }
            return inputs.isEmpty() ? null : (String) inputs.pop();
        }

        @Override
        public boolean interactive() {
            return true;
        }
    }

    private int run(ConsoleConnection connection, Typed typed) {
        try (PrintWriter o = new PrintWriter(out);
                PrintWriter e = new PrintWriter(err)) {
            return new ConsoleSession(connection, typed, o, e, true).run();
        }
    }

    @Test
    void interactive_refusedWriteThenRoleSwitch_continuesAndWrites() {
        try (ConsoleConnection connection = ConsoleConnection.open(mdb, null, null, null, false)) {
            Typed typed = new Typed(
                    connection,
                    "\\role reading",
                    "UPDATE dogs SET age = 7 WHERE id = 1;",
                    "\\role writing",
                    "UPDATE dogs SET age = 8 WHERE id = 1;",
                    "\\q",
                    "UPDATE dogs SET age = 9 WHERE id = 1;");

            int code = run(connection, typed);

            assertThat(code).isZero();
            assertThat(typed.prompts)
                    .containsExactly(
                            "development/primary[default](writing)> ",
                            "development/primary[default](reading, read-only)> ",
                            "development/primary[default](reading, read-only)> ",
                            "development/primary[default](writing)> ",
                            "development/primary[default](writing)> ");
            assertThat(err.toString())
                    .isEqualTo(
                            "mdb: Write query attempted while in readonly mode: UPDATE dogs SET age = 7 WHERE id = 1\n");
            assertThat(out.toString()).startsWith("mdb console: development/primary[default](writing) on primary (");
            assertThat(project.column("primary.sqlite3", "SELECT age FROM dogs WHERE id = 1"))
                    .containsExactly("8");
        }
    }

    @Test
    void interactive_unknownShard_keepsTheRoute() {
        try (ConsoleConnection connection = ConsoleConnection.open(mdb, null, Role.READING, null, false)) {
            Typed typed = new Typed(connection, "\\shard foo", "\\shard shard_one", "SELECT name FROM dogs;");

            int code = run(connection, typed);

            assertThat(code).isZero();
            assertThat(err.toString())
                    .isEqualTo("mdb: No database connection defined for 'foo' shard and 'reading' role."
                            + " Group primary has shards: default, shard_one.\n");
            assertThat(typed.prompts.get(2)).isEqualTo("development/primary[shard_one](reading, read-only)> ");
            assertThat(out.toString()).contains("primary_shard_one_replica").contains("Shardy");
        }
    }

    @Test
    void interactive_switchInsideTransaction_isRefusedUntilCommit() {
        try (ConsoleConnection connection = ConsoleConnection.open(mdb, null, null, null, false)) {
            Typed typed = new Typed(
                    connection,
                    "BEGIN;",
                    "UPDATE dogs SET age = 9 WHERE id = 1;",
                    "\\role reading",
                    "COMMIT;",
                    "\\role reading");

            run(connection, typed);

            assertThat(err.toString())
                    .startsWith("mdb: a transaction is open on primary (")
                    .endsWith("COMMIT or ROLLBACK before switching role.\n");
            assertThat(typed.prompts.get(3)).isEqualTo("development/primary[default](writing)> ");
            assertThat(connection.label()).isEqualTo("development/primary[default](reading, read-only)");
            assertThat(project.column("primary.sqlite3", "SELECT age FROM dogs WHERE id = 1"))
                    .containsExactly("9");
        }
    }

    @Test
    void interactive_closedConnection_reconnectsOnNextStatementWithMessage() {
        try (ConsoleConnection connection = ConsoleConnection.open(mdb, null, null, null, false)) {
            Consumer<ConsoleConnection> breakIt = c -> Messages.closeQuietly(c.connection());
            Typed typed = new Typed(connection, breakIt, "SELECT count(*) AS n FROM dogs;");

            int code = run(connection, typed);

            assertThat(code).isZero();
            assertThat(err.toString()).startsWith("mdb: reconnected to primary (");
            assertThat(out.toString()).contains("(1 row)");
        }
    }

    @Test
    void interactive_multiLineStatement_showsContinuationPrompt() {
        try (ConsoleConnection connection = ConsoleConnection.open(mdb, "animals", null, null, false)) {
            Typed typed = new Typed(connection, "SELECT", "  count(*) AS n", "FROM cats;", "\\route");

            run(connection, typed);

            assertThat(typed.prompts)
                    .containsExactly(
                            "development/animals[default](writing)> ",
                            "                                    -> ",
                            "                                    -> ",
                            "development/animals[default](writing)> ",
                            "development/animals[default](writing)> ");
            assertThat(out.toString())
                    .contains(" n\n---\n 0\n(1 row)\n")
                    .contains("Route:    development/animals[default](writing)\n")
                    .contains("Writes:   allowed\n");
        }
    }
}
