package dev.mdb.cli.it;

import static dev.mdb.cli.it.SampleProject.EMAIL;
import static dev.mdb.cli.it.SampleProject.POSTS;
import static dev.mdb.cli.it.SampleProject.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ServerTasksScenarios} on PostgreSQL, plus what transactional DDL guarantees for a failing migration. */
@Tag("postgresql")
class PostgresqlTasksIT extends ServerTasksScenarios {
    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    private static final ServerDatabases DATABASES =
            new ServerDatabases(POSTGRES, "SELECT 1 FROM pg_database WHERE datname = ?", database -> "public");

    @Override
    ServerDatabases db() {
        return DATABASES;
    }

    @Override
    String missingTableError() {
        return "relation \"no_such_table\" does not exist";
    }

    /** Roles are server-wide; PostgreSQL checks that the database exists only after the login succeeded. */
    @Override
    String userWithPassword(String database, String password) {
        return POSTGRES.createReadOnlyRole(POSTGRES.createDatabase(), password);
    }

    /**
     * The CI server trusts loopback TCP, so a wrong password would be accepted; a role that does not exist is refused
     * with SQLSTATE 28000 under trust and password authentication alike.
     */
    @Override
    String userFailingAuthentication(String database, String password) {
        return "mdb_it_nobody_" + randomHex();
    }

    @Test
    void migrate_brokenMigration_rollsBackTheWholeFile() throws Exception {
        Databases dbs = newProject(POSTGRES.username(), "unused");

        MdbResult result = migrateWithBrokenMigration(dbs);

        assertBrokenMigrationReported(result, dbs);
        assertThat(result.errLines().get(0)).contains("rolled back");
        assertThat(db().tableExists(dbs.primary(), "a"))
                .as("CREATE TABLE a ran in the migration's transaction")
                .isFalse();
        assertThat(status(dbs, "db:migrate:status:primary"))
                .isEqualTo(
                        Map.of(dbs.primary(), Map.of(USERS, "up", EMAIL, "up", POSTS, "up", BROKEN_VERSION, "down")));

        Files.delete(dbs.project().root().resolve("db/migrate").resolve(BROKEN_FILE));
        assertOk(dbs.mdb().run("db:migrate"));
        assertThat(status(dbs)).containsEntry(dbs.primary(), Map.of(USERS, "up", EMAIL, "up", POSTS, "up"));
        assertThat(db().tableExists(dbs.primary(), "a")).isFalse();
    }
}
