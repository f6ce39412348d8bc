package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite migration lock held by another process: named when mdb gives up, free again once that process dies. */
@Tag("sqlite")
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SqliteMigrationLockIT {
    @TempDir
    Path projectDir;

    @TempDir
    Path logDir;

    @Test
    void migrate_lockFileHeldByAnotherProcess_namesItThenTakesTheLockWhenItDies() throws Exception {
        SampleProject project = SampleProject.empty(projectDir);
        project.writeDatabaseYml(
                "development:\n  primary:\n    adapter: sqlite3\n    database: storage/development.sqlite3\n");
        project.addMigration("db/migrate", "V1__create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");
        assertThat(project.mdb().run("db:create").exitCode()).isZero();
        Path lockFile = projectDir.resolve("storage/development.sqlite3.mdb-lock");

        try (ChildMdb holder = ChildMdb.startMain(HoldLockFile.class.getName(), logDir, List.of(lockFile.toString()))) {
            Await.until(
                    Duration.ofSeconds(30),
                    "the other process to lock " + lockFile,
                    () -> holder.stdout().contains("locked"));

            MdbResult refused = project.mdb().run("db:migrate", "--lock-wait", "1");

            assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
            assertThat(refused.errLines()).as("%s", refused).hasSize(1);
            assertThat(refused.errLines().get(0))
                    .startsWith("mdb: couldn't take the migration lock of development/primary")
                    .contains("within 1 s (--lock-wait)")
                    .contains("held by pid " + holder.pid() + "@");

            holder.kill();
        }
        MdbResult migrate = project.mdb().run("db:migrate");

        assertThat(migrate.exitCode()).as("%s", migrate).isZero();
        assertThat(migrate.out()).contains("== 1 CreateItems: migrated");
    }
}
