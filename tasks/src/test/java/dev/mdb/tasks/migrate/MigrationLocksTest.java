package dev.mdb.tasks.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.tasks.AdapterRegistry;
import dev.mdb.tasks.Reporter;
import dev.mdb.tasks.TaskFailedException;
import dev.mdb.tasks.spi.AdapterTasks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wait for the migration lock: a migrator takes two locks (the lock session's, then its working session's), and
 * the second wait continues the first one's clock, so --lock-wait bounds both together and the wait is reported once.
 */
class MigrationLocksTest {
    private final long threeSecondsAgo =
            System.nanoTime() - Duration.ofSeconds(3).toNanos();

    @TempDir
    Path dir;

    private final List<String> err = new CopyOnWriteArrayList<>();
    private final Reporter reporter = new Reporter() {
        @Override
        public void out(String line) {}

        @Override
        public void err(String line) {
            err.add(line);
        }
    };

    private AdapterTasks adapter() {
        String yml = "development:\n  primary:\n    adapter: sqlite3\n    database: storage/development.sqlite3\n";
        DatabaseConfigurations configs =
                DatabaseConfigurations.parse(yml, "config/database.yml", "development", Map.of());
        return AdapterRegistry.load()
                .forConfig(configs.find("development", "primary").orElseThrow(), dir);
    }

    @Test
    void waitOnce_startedEarlierThanTheMaximumWait_givesUpAtOnceWithTheUsersLimit() {
        MigrationLocks.Waiter waiter =
                new MigrationLocks.Waiter(adapter(), reporter, Duration.ofSeconds(2), threeSecondsAgo);

        assertThatThrownBy(() -> waiter.waitOnce(() -> "pid 4711 (mdb, 10.0.0.5, user deploy), active for 3 s"))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageStartingWith("couldn't take the migration lock of development/primary (")
                .hasMessageContaining("within 2 s (--lock-wait): held by pid 4711 (mdb, 10.0.0.5, user deploy)");
        assertThat(err).isEmpty();
    }

    @Test
    void acquired_withoutWaitingItself_saysNothingEvenLongAfterTheStart() {
        MigrationLocks.Waiter waiter = new MigrationLocks.Waiter(adapter(), reporter, null, threeSecondsAgo);

        waiter.acquired();

        assertThat(err).isEmpty();
    }

    @Test
    void acquired_afterWaitingLong_saysSoOnceNamingTheHolder() {
        MigrationLocks.Waiter waiter = new MigrationLocks.Waiter(adapter(), reporter, null, threeSecondsAgo);

        waiter.waitOnce(() -> "pid 4711");
        waiter.acquired();

        assertThat(err).hasSize(2);
        assertThat(err.get(0))
                .startsWith("waiting for the migration lock of development/primary (")
                .contains("held by pid 4711 (3 s so far)");
        assertThat(err.get(1))
                .startsWith("took the migration lock of development/primary (")
                .endsWith("after waiting 3 s for pid 4711");
    }
}
