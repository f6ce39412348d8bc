package dev.mdb.cli.it;

import static dev.mdb.cli.it.SampleProject.EMAIL;
import static dev.mdb.cli.it.SampleProject.POSTS;
import static dev.mdb.cli.it.SampleProject.USERS;
import static dev.mdb.cli.it.ServerTasksScenarios.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.tasks.schema.ExternalCommand;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.file.Files;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SchemaLifecycleScenarios} on PostgreSQL (pg_dump/psql for structure), plus tables outside {@code public}. */
@Tag("postgresql")
class PostgresqlSchemaLifecycleIT extends SchemaLifecycleScenarios {
    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    private static final ServerDatabases DATABASES =
            new ServerDatabases(POSTGRES, "SELECT 1 FROM pg_database WHERE datname = ?", database -> "public");

    @Override
    ServerDatabases db() {
        return DATABASES;
    }

    @Override
    String quote(String identifier) {
        return '"' + identifier + '"';
    }

    @Override
    String userWithPassword(String database, String password) {
        return POSTGRES.createReadOnlyRole(database, password);
    }

    /** A schema the read-only role has no USAGE on: pg_dump fails to lock its table. */
    @Override
    void addObjectReadOnlyUsersCannotDump(String database) throws SQLException {
        db().execute(database, "CREATE SCHEMA private_stuff");
        db().execute(database, "CREATE TABLE private_stuff.secrets (id INT)");
    }

    /** pg_dump and psql get the password in PGPASSWORD; there is no option file. */
    @Override
    void assertPasswordKeptOffArgv(ExternalCommand command, String password) {
        assertThat(command.environment()).containsEntry("PGPASSWORD", password);
        assertThat(command.tempFile()).isNull();
    }

    /**
     * db:prepare checks for tables in the current schema only; a database whose data lives in another schema must not
     * be dropped to load the schema file.
     */
    @Test
    void prepare_dataOutsideThePublicSchema_isNeverDropped() throws Exception {
        Project p = newProject("");
        assertOk(p.mdb().run("db:prepare"));
        assertThat(Files.exists(p.path("db/schema.sql"))).isTrue();
        assertOk(p.mdb().run("db:drop:primary", "db:create:primary"));
        db().execute(p.primary(), "CREATE SCHEMA app");
        db().execute(p.primary(), "CREATE TABLE app.accounts (id INT, owner TEXT)");
        db().execute(p.primary(), "INSERT INTO app.accounts VALUES (42, 'keep me')");

        MdbResult result = p.mdb().run("db:prepare");

        assertThat(rows(p.primary(), "SELECT id, owner FROM app.accounts")).containsExactly("42|keep me");
        assertOk(result);
        assertThat(versions(p.primary())).containsExactly(USERS, EMAIL, POSTS);
    }
}
