package dev.mdb.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rails' {@code writing_role} / {@code reading_role}: the standard roles called {@code primary} and {@code replica}. */
class RoleNamesTest {
    @TempDir
    Path project;

    private Mdb mdb;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(project.resolve("storage"));
        mdb = Mdb.builder(RuntimeFixtures.configurations("""
                                primary: {adapter: sqlite3, database: storage/primary.sqlite3}
                                primary_replica: {adapter: sqlite3, database: storage/primary.sqlite3, replica: true}
                                reporting: {adapter: sqlite3, database: storage/primary.sqlite3, replica_of: primary, role: replica}
                                legacy: {adapter: sqlite3, database: storage/legacy.sqlite3}
                                """), RuntimeFixtures.ENV, project)
                .roleNames("primary", "replica")
                .build();
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE dogs (name TEXT)");
        }
    }

    @AfterEach
    void tearDown() {
        mdb.close();
    }

    private String entryOn(Route route) throws Exception {
        return mdb.router().connectedTo(route).with(() -> {
            try (Connection c = mdb.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SELECT count(*) FROM dogs");
            }
            return mdb.dataSource().describe().entry();
        });
    }

    @Test
    void configuredNames_resolveToTheStandardRoles() throws Exception {
        assertThat(entryOn(Route.role("replica"))).isIn("primary_replica", "reporting");
        assertThat(entryOn(Route.role("primary"))).isEqualTo("primary");
        assertThat(mdb.router()
                        .connectedTo(Route.role("replica"))
                        .with(() -> mdb.router().current().writesPrevented()))
                .isTrue();
        // The API's constants and the standard names keep working.
        assertThat(entryOn(Route.reading())).isIn("primary_replica", "reporting");
        assertThat(entryOn(Route.role("reading"))).isIn("primary_replica", "reporting");
        assertThat(entryOn(Route.writing())).isEqualTo("primary");
    }

    @Test
    void roleKeyInDatabaseYml_usesTheConfiguredName() {
        assertThat(mdb.topology().group("primary").targets(Shard.DEFAULT, Role.READING))
                .containsExactly("primary_replica", "reporting");
        assertThat(mdb.topology().roleNames()).isEqualTo(new RoleNames("primary", "replica"));
    }

    @Test
    void messages_nameTheConfiguredRoles() {
        assertThatThrownBy(
                        () -> mdb.router().connectedTo(Route.role("analytics")).use(() -> {}))
                .isInstanceOf(UnknownRoleException.class)
                .hasMessage("No database connection defined for 'analytics' role. Shard 'default' of primary has"
                        + " roles: primary, replica.");
        assertThatThrownBy(() -> mdb.router()
                        .database("legacy")
                        .connectedTo(Route.role("replica"))
                        .use(() -> {}))
                .isInstanceOf(UnknownRoleException.class)
                .hasMessage("No database connection defined for legacy with 'replica' role. Shard 'default' of legacy"
                        + " has roles: primary.");
    }

    @Test
    void names_blankEqualOrSwapped_refused() {
        assertThatThrownBy(() -> new RoleNames(" ", "replica")).hasMessageContaining("writing role needs a name");
        assertThatThrownBy(() -> new RoleNames("main", "main")).hasMessageContaining("need different names");
        assertThatThrownBy(() -> new RoleNames("reading", "writing")).hasMessageContaining("cannot be called");
        assertThat(RoleNames.DEFAULT.name(Role.READING)).isEqualTo("reading");
        assertThat(new RoleNames("primary", "replica").name(Role.of("analytics")))
                .isEqualTo("analytics");
    }
}
