package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ServerTasksScenarios} on MariaDB, plus recovering from a failed migration where DDL commits at once. */
@Tag("mariadb")
class MariadbTasksIT extends ServerTasksScenarios {
    @RegisterExtension
    static final DatabaseServerExtension MARIADB = DatabaseServerExtension.mariadb();

    private static final ServerDatabases DATABASES = new ServerDatabases(
            MARIADB, "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?", database -> database);

    @Override
    ServerDatabases db() {
        return DATABASES;
    }

    @Override
    String missingTableError() {
        return "no_such_table' doesn't exist";
    }

    /** MariaDB grants on a database that does not exist yet, so the server answers "Unknown database". */
    @Override
    String userWithPassword(String database, String password) {
        return MARIADB.createReadOnlyRole(database, password);
    }

    /** A real user, logging in with another password than its own. */
    @Override
    String userFailingAuthentication(String database, String password) {
        return MARIADB.createReadOnlyRole(database, "not-" + password);
    }

    @Test
    void migrate_brokenMigration_saysWhatMayBeAppliedAndRepairRecovers() throws Exception {
        Databases dbs = newProject(MARIADB.username(), "unused");

        MdbResult result = migrateWithBrokenMigration(dbs);

        assertBrokenMigrationReported(result, dbs);
        assertThat(result.errLines().get(0)).contains("may have been applied").contains("db:migrate:repair");
        assertThat(db().tableExists(dbs.primary(), "a"))
                .as("MariaDB commits CREATE TABLE at once")
                .isTrue();

        Files.delete(dbs.project().root().resolve("db/migrate").resolve(BROKEN_FILE));
        MdbResult repair = dbs.mdb().run("db:migrate:repair");
        assertOk(repair);
        MdbResult migrate = dbs.mdb().run("db:migrate");
        assertOk(migrate);
        assertThat(status(dbs)).isEqualTo(allUp(dbs));
    }

    @Test
    void migrate_failedMigrationFixedInPlace_isRefusedUntilRepair() throws Exception {
        Databases dbs = newProject(MARIADB.username(), "unused");
        assertThat(migrateWithBrokenMigration(dbs).exitCode()).isEqualTo(1);
        dbs.project().addMigration("db/migrate", BROKEN_FILE, "CREATE TABLE IF NOT EXISTS a (id INT);\n");

        MdbResult refused = dbs.mdb().run("db:migrate:primary");

        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
        assertThat(refused.errLines()).as("%s", refused).hasSize(1);
        assertThat(refused.errLines().get(0))
                .startsWith("mdb: ")
                .contains(BROKEN_VERSION)
                .contains("db:migrate:repair");

        assertOk(dbs.mdb().run("db:migrate:repair:primary"));
        MdbResult migrate = dbs.mdb().run("db:migrate:primary");

        assertOk(migrate);
        assertThat(migrate.out()).contains(banner(BROKEN_VERSION, "Broken", "migrated"));
        assertThat(status(dbs, "db:migrate:status:primary").get(dbs.primary())).containsEntry(BROKEN_VERSION, "up");
    }
}
