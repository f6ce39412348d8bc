package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.tasks.schema.ExternalCommand;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SchemaLifecycleScenarios} on MariaDB (mysqldump/mysql for structure, credentials in an option file). */
@Tag("mariadb")
class MariadbSchemaLifecycleIT extends SchemaLifecycleScenarios {
    @RegisterExtension
    static final DatabaseServerExtension MARIADB = DatabaseServerExtension.mariadb();

    private static final ServerDatabases DATABASES = new ServerDatabases(
            MARIADB, "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?", database -> database);

    @Override
    ServerDatabases db() {
        return DATABASES;
    }

    @Override
    String quote(String identifier) {
        return '`' + identifier + '`';
    }

    @Override
    String userWithPassword(String database, String password) {
        return MARIADB.createReadOnlyRole(database, password);
    }

    /** Any table: mysqldump locks tables (LOCK TABLES), which a SELECT-only user may not. */
    @Override
    void addObjectReadOnlyUsersCannotDump(String database) throws SQLException {
        db().execute(database, "CREATE TABLE secrets (id INT)");
    }

    /** The password is in a mode-600 option file named on argv, read before the tool runs. */
    @Override
    void assertPasswordKeptOffArgv(ExternalCommand command, String password) throws IOException {
        Path options = command.tempFile();
        assertThat(options).as("option file").isNotNull().exists();
        assertThat(command.argv()).contains("--defaults-extra-file=" + options);
        assertThat(command.argv().indexOf("--defaults-extra-file=" + options))
                .as("--defaults-extra-file must be the first option")
                .isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(options)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(options, StandardCharsets.UTF_8)).contains(password);
        assertThat(command.environment().values()).noneMatch(value -> value.contains(password));
    }
}
