package dev.mdb.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.MdbException;
import dev.mdb.tasks.adapter.postgresql.PostgresqlAdapterTasksProvider;
import dev.mdb.tasks.adapter.sqlite.SqliteAdapterTasksProvider;
import dev.mdb.tasks.spi.AdapterTasks;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Engine errors become one line naming the database, with no password in it. */
class DatabaseErrorsTest {
    private static final String PASSWORD = "s3cr3t-canary-9f2";

    @TempDir
    Path dir;

    private AdapterTasks postgres() {
        DatabaseConfig config = new DatabaseConfig(
                "development",
                "primary",
                Map.of(
                        "adapter", "postgresql",
                        "host", "127.0.0.1",
                        "port", 1,
                        "database", "app_dev",
                        "username", "app",
                        "password", PASSWORD));
        return new PostgresqlAdapterTasksProvider().forConfig(config, dir);
    }

    private AdapterTasks sqlite() {
        DatabaseConfig config = new DatabaseConfig(
                "development", "primary", Map.of("adapter", "sqlite3", "database", "storage/dev.sqlite3"));
        return new SqliteAdapterTasksProvider().forConfig(config, dir);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Connection refused.                         | Connection refused",
                "Connection refused...                       | Connection refused",
                "'  first line.  \nsecond line'              | first line",
                "password " + PASSWORD + " rejected          | password *** rejected",
                "bad url jdbc:x://h/db?password=abc&user=u   | bad url jdbc:x://h/db?password=***&user=u",
                "bad url postgresql://app:pw@h:1/db.         | bad url postgresql://app:***@h:1/db"
            })
    void cause_engineMessage_firstLineMaskedWithoutFinalPeriod(String message, String expected) {
        assertThat(DatabaseErrors.cause(postgres(), new SQLException(message))).isEqualTo(expected);
    }

    @Test
    void cause_noMessage_usesExceptionType() {
        assertThat(DatabaseErrors.cause(postgres(), new SQLException())).isEqualTo("SQLException");
    }

    @Test
    void translate_unreachable_namesLocationAndDatabase() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:1 refused.", "08001");

        MdbException e = DatabaseErrors.translate(postgres(), "migrate", refused);

        assertThat(e).isInstanceOf(DatabaseUnavailableException.class).hasCause(refused);
        assertThat(e.getMessage())
                .isEqualTo("can't connect to 127.0.0.1:1 for development/primary (app_dev): Connection to 127.0.0.1:1"
                        + " refused. Check that the server is running and that host and port in database.yml are"
                        + " right.");
    }

    @Test
    void translate_authentication_namesUserButNotPassword() {
        SQLException denied = new SQLException("password authentication failed for " + PASSWORD, "28P01");

        MdbException e = DatabaseErrors.translate(postgres(), "migrate", denied);

        assertThat(e).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(e.getMessage()).contains("user 'app'").doesNotContain(PASSWORD);
    }

    @Test
    void translate_missingSqliteFile_suggestsCreate() {
        SQLException missing = new SQLException("database file x does not exist", "3D000");

        MdbException e = DatabaseErrors.translate(sqlite(), "migrate", missing);

        assertThat(e)
                .isInstanceOf(NoSuchDatabaseException.class)
                .hasMessage("database 'storage/dev.sqlite3' does not exist (development/primary). Run `mdb db:create`"
                        + " first.");
        assertThat(DatabaseErrors.isNoDatabase(sqlite(), new RuntimeException(missing)))
                .isTrue();
    }

    @Test
    void translate_otherError_saysWhatCouldNotBeDone() {
        MdbException e = DatabaseErrors.translate(sqlite(), "purge database", new SQLException("disk I/O error."));

        assertThat(e)
                .isExactlyInstanceOf(TaskFailedException.class)
                .hasMessage("couldn't purge database development/primary (storage/dev.sqlite3): disk I/O error");
    }

    @Test
    void mask_configuredAndUrlPasswords_areReplaced() {
        DatabaseConfig config = postgres().config();

        assertThat(DatabaseErrors.mask(config, "x " + PASSWORD + " y mysql2://u:other@h/d"))
                .isEqualTo("x *** y mysql2://u:***@h/d");
        assertThat(DatabaseErrors.mask(config, null)).isNull();
    }
}
