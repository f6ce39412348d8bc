package dev.mdb.cli;

import static dev.mdb.cli.SqliteProject.CATS;
import static dev.mdb.cli.SqliteProject.DOGS;
import static dev.mdb.cli.SqliteProject.EMAIL;
import static dev.mdb.cli.SqliteProject.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db:abort_if_pending_migrations and its :NAME variant. */
class AbortIfPendingMigrationsTaskTest {
    @TempDir
    Path dir;

    SqliteProject project;

    @BeforeEach
    void setUp() {
        project = SqliteProject.multiDb(dir);
        project.ok("db:create");
    }

    @Test
    void abortIfPending_twoPending_listsThemAndFails() {
        project.ok("db:migrate:primary", "VERSION=" + EMAIL);
        project.ok("db:migrate:animals", "VERSION=" + DOGS);

        CliRun run = project.run("db:abort_if_pending_migrations");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.outLines())
                .containsExactly(
                        "You have 2 pending migrations:", "  " + POSTS + " CreatePosts", "  " + CATS + " CreateCats");
        assertThat(run.errLines()).containsExactly("mdb: Run `mdb db:migrate` to update your database then try again.");
    }

    @Test
    void abortIfPendingNamed_onePending_usesSingularAndNamespacedHint() {
        project.ok("db:migrate:animals", "VERSION=" + DOGS);

        CliRun run = project.run("db:abort_if_pending_migrations:animals");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly("You have 1 pending migration:", "  " + CATS + " CreateCats");
        assertThat(run.errLines())
                .containsExactly("mdb: Run `mdb db:migrate:animals` to update your database then try again.");
    }

    @Test
    void abortIfPending_nonePending_isSilentSuccess() {
        project.ok("db:migrate");

        CliRun run = project.run("db:abort_if_pending_migrations");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }
}
