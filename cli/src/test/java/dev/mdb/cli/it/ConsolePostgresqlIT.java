package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.cli.MdbCli;
import dev.mdb.cli.console.ConsoleStreams;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mdb console --role reading} on PostgreSQL: the replica entry logs in as a read-only role, and mdb refuses a
 * write before it reaches the server.
 */
@Tag("postgresql")
class ConsolePostgresqlIT {
    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    private static final String PASSWORD = "ro-pw-canary-7f3a";
    private static final ServerDatabases DATABASES =
            new ServerDatabases(POSTGRES, "SELECT 1 FROM pg_database WHERE datname = ?", database -> "public");

    @TempDir
    static Path project;

    private static String database;
    private static String readOnlyRole;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = POSTGRES.createDatabase();
        try (Connection c = POSTGRES.connect(database);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE dogs (id integer PRIMARY KEY, name varchar(40) NOT NULL)");
            s.execute("INSERT INTO dogs VALUES (1, 'Fido'), (2, 'Rex')");
        }
        readOnlyRole = POSTGRES.createReadOnlyRole(database, PASSWORD);
        Files.createDirectories(project.resolve("config"));
        Files.writeString(
                project.resolve("config/database.yml"),
                "development:\n"
                        + "  primary:\n"
                        + POSTGRES.databaseYmlEntry(database)
                        + "  primary_replica:\n"
                        + DATABASES.entry(database, readOnlyRole, PASSWORD)
                        + "    replica: true\n",
                StandardCharsets.UTF_8);
    }

    private record Run(int exitCode, String out, String err) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run console(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> argv = new ArrayList<>(List.of("console", "-C", project.toString()));
        argv.addAll(List.of(args));
        ConsoleStreams streams = ConsoleStreams.of(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
        int code;
        try (PrintWriter o = new PrintWriter(out);
                PrintWriter e = new PrintWriter(err)) {
            code = MdbCli.newCommandLine(
                            o,
                            e,
                            Map.of("MDB_HISTORY", project.resolve("history").toString()),
                            streams)
                    .execute(argv.toArray(String[]::new));
        }
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> names() throws SQLException {
        try (Connection c = POSTGRES.connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM dogs ORDER BY id")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    @Test
    void roleReading_select_runsOnTheReplicaLoginInAReadOnlySession() {
        Run run = console(
                "--role",
                "reading",
                "-c",
                "SELECT current_user AS who, current_setting('transaction_read_only') AS ro");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).contains(readOnlyRole).contains("| on").contains("(1 row)");
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
    }

    @Test
    void roleReading_update_isRefusedByMdbAndDataUnchanged() throws SQLException {
        Run run = console("--role", "reading", "-c", "UPDATE dogs SET name = 'Changed' WHERE id = 1");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("mdb: Write query attempted while in readonly mode: UPDATE dogs SET name = 'Changed'"
                        + " WHERE id = 1\n");
        assertThat(names()).containsExactly("Fido", "Rex");
    }

    /**
     * The server would answer {@code relation "no_such_table" does not exist} (parse analysis runs before the
     * read-only and permission checks): mdb's read-only message shows the statement never reached it.
     */
    @Test
    void roleReading_writeToMissingTable_isRefusedBeforeReachingTheServer() {
        Run run = console("--role", "reading", "-c", "UPDATE no_such_table SET x = 1");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("mdb: Write query attempted while in readonly mode: UPDATE no_such_table SET x = 1\n");
    }

    @Test
    void roleWriting_update_reachesThePrimary() throws SQLException {
        Run run = console("-c", "UPDATE dogs SET name = 'Rex' WHERE id = 2; SELECT count(*) AS n FROM dogs");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).startsWith("UPDATE 1\n").contains("(1 row)");
        assertThat(names()).containsExactly("Fido", "Rex");
    }

    @Test
    void sqlError_namesTheTargetWithoutPassword() {
        Run run = console("--role", "reading", "-c", "SELECT * FROM no_such_table");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("mdb: ERROR: relation \"no_such_table\" does not exist")
                .endsWith("(development/primary_replica at " + POSTGRES.host() + ":" + POSTGRES.port() + ")\n")
                .doesNotContain(PASSWORD);
    }

    @Test
    void unreachableServer_exitsFourWithoutPassword() throws IOException {
        Path config = project.resolve("unreachable.yml");
        Files.writeString(
                config,
                "development:\n  primary:\n" + DATABASES.entry(database, "127.0.0.1", 1, readOnlyRole, PASSWORD)
                        + "    checkout_timeout: 1\n",
                StandardCharsets.UTF_8);

        Run run = console("--config", config.toString(), "-c", "SELECT 1");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(4);
        assertThat(run.err())
                .startsWith("mdb: couldn't connect to primary (127.0.0.1:1)")
                .doesNotContain(PASSWORD);
    }
}
