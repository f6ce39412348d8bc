package dev.mdb.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code \route} names the database actually used and, on a replica, its health (state, role, lag). */
class ConsoleReplicaRouteTest {
    @TempDir
    Path dir;

    private ConsoleProject project;

    @BeforeEach
    void setUp() {
        project = ConsoleProject.create(dir);
    }

    @Test
    void route_onReplica_showsEntryAndHealth() {
        ConsoleProject.Run run = project.console("SELECT 1 AS one;\n\\route\n", "--role", "reading");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out())
                .contains("Database: primary_replica (" + dir.resolve("storage/primary.sqlite3") + ") (sqlite3)")
                .contains("Writes:   prevented")
                .contains("Replica:  read-only, up");
    }

    @Test
    void route_onPrimary_hasNoReplicaLine() {
        ConsoleProject.Run run = project.console("\\route\n");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).contains("Database: primary (").doesNotContain("Replica:");
    }
}
