package dev.mdb.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.config.MdbException;
import dev.mdb.runtime.engine.Engines;
import dev.mdb.tasks.migrate.InternalMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The facade on its own, against {@link FakeAdapterTasks} (no server, no CLI): iteration and its failure rules, the
 * messages, and the protected-environment check inside every destructive verb.
 */
class DatabaseTasksTest {
    private static final String YML = """
            development:
              primary:
                adapter: fake
                database: storage/a.sqlite3
              animals:
                adapter: fake
                database: storage/b.sqlite3
                migrations_paths: db/animals_migrate
              shard:
                adapter: fake
                database: storage/c.sqlite3
                migrations_paths: db/shard_migrate
            """;

    @TempDir
    Path dir;

    private final FakeAdapterTasks.World world = new FakeAdapterTasks.World();
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    private DatabaseTasks tasks(int jobs) {
        return tasks(jobs, Map.of());
    }

    private DatabaseTasks tasks(int jobs, Map<String, String> environment) {
        Reporter reporter = new Reporter() {
            @Override
            public synchronized void out(String line) {
                out.add(line);
            }

            @Override
            public synchronized void err(String line) {
                err.add(line);
            }
        };
        TaskOptions options = new TaskOptions(
                dir, "development", environment, true, reporter, jobs, false, total -> TaskProgress.NONE, null);
        DatabaseConfigurations configs =
                DatabaseConfigurations.parse(YML, "config/database.yml", "development", environment);
        AdapterRegistry registry = new AdapterRegistry(
                new Engines(List.of(new FakeAdapterTasks.FakeEngine())), List.of(new FakeAdapterTasks.Provider(world)));
        return new DatabaseTasks(configs, options, registry, "config/database.yml");
    }

    private static List<String> names(DatabaseTasks tasks) {
        return tasks.select().visible().stream().map(DatabaseConfig::name).toList();
    }

    @Test
    void create_severalJobs_createsEachAndReportsInConfigOrder() {
        DatabaseTasks tasks = tasks(4);

        tasks.create(tasks.select().visible());

        assertThat(names(tasks)).containsExactly("primary", "animals", "shard");
        assertThat(world.calls)
                .containsExactlyInAnyOrder(
                        "create storage/a.sqlite3", "create storage/b.sqlite3", "create storage/c.sqlite3");
        assertThat(out)
                .containsExactly(
                        "Created database 'storage/a.sqlite3'",
                        "Created database 'storage/b.sqlite3'",
                        "Created database 'storage/c.sqlite3'");
    }

    @Test
    void create_existingDatabase_isNoFailureAndSaidOnStderr() {
        world.existing.add("storage/b.sqlite3");
        DatabaseTasks tasks = tasks(1);

        tasks.create(tasks.select().visible());

        assertThat(err).containsExactly("Database 'storage/b.sqlite3' already exists");
        assertThat(out).hasSize(2);
    }

    @Test
    void create_failureWithOneJob_stopsThereWithTheNextStep() {
        world.failing("create", "storage/b.sqlite3", new SQLException("disk full", "53100"));
        DatabaseTasks tasks = tasks(1);

        assertThatThrownBy(() -> tasks.create(tasks.select().visible()))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("development/animals")
                .hasMessageContaining("disk full")
                .hasMessageEndingWith("Couldn't create 'storage/b.sqlite3' database. Please check your configuration.");
        assertThat(world.calls).containsExactly("create storage/a.sqlite3", "create storage/b.sqlite3");
    }

    @Test
    void create_severalFailWithJobs_othersCompleteAndTheSummaryHasTheFirstCategory() {
        world.failing("create", "storage/a.sqlite3", new SQLException("connection refused", "08001"));
        world.failing("create", "storage/c.sqlite3", new SQLException("disk full", "53100"));
        DatabaseTasks tasks = tasks(3);

        assertThatThrownBy(() -> tasks.create(tasks.select().visible()))
                .isInstanceOfSatisfying(DatabasesFailedException.class, e -> {
                    assertThat(e.category()).isEqualTo(MdbException.Category.UNAVAILABLE);
                    assertThat(e.failures()).hasSize(2);
                    assertThat(e.failures().get(0)).hasMessageContaining("connection refused");
                    assertThat(e.failures().get(1)).hasMessageContaining("disk full");
                })
                .hasMessage("2 of 3 databases failed: primary, shard. The others completed; see the messages above.");
        assertThat(world.existing).containsExactly("storage/b.sqlite3");
    }

    @Test
    void drop_missingDatabase_isNoFailureAndSaidOnStderr() {
        DatabaseTasks tasks = tasks(2);

        tasks.drop(tasks.select().visible());

        assertThat(err)
                .containsExactly(
                        "Database 'storage/a.sqlite3' does not exist",
                        "Database 'storage/b.sqlite3' does not exist",
                        "Database 'storage/c.sqlite3' does not exist");
    }

    /** Every destructive verb, as the CLI calls it with the visible databases. */
    static Stream<Arguments> destructiveVerbs() {
        List<Arguments> verbs = List.of(
                verb("drop", DatabaseTasks::drop),
                verb("purge", DatabaseTasks::purge),
                verb("loadSchema", DatabaseTasks::loadSchema),
                verb("loadSchemaInOrder", DatabaseTasks::loadSchemaInOrder),
                verb("reset", DatabaseTasks::reset),
                verb("migrateReset", DatabaseTasks::migrateReset),
                verb("truncateAll", DatabaseTasks::truncateAll),
                verb("seedReplant", DatabaseTasks::seedReplant),
                verb("setup", DatabaseTasks::setup));
        return verbs.stream();
    }

    private static Arguments verb(String name, BiConsumer<DatabaseTasks, List<DatabaseConfig>> verb) {
        return Arguments.of(name, verb);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("destructiveVerbs")
    void destructiveVerb_databaseLastRunInProduction_refusedBeforeAnyChange(
            String name, BiConsumer<DatabaseTasks, List<DatabaseConfig>> verb) throws Exception {
        DatabaseTasks tasks = migratedPrimaryLastRunIn("production");
        world.calls.clear();

        assertThatThrownBy(() -> verb.accept(tasks, tasks.select().visible()))
                .isInstanceOf(ProtectedEnvironmentException.class)
                .hasMessageContaining("destructive action against your 'production' database (development/primary)")
                .hasMessageContaining("DISABLE_DATABASE_ENVIRONMENT_CHECK=1");
        assertThat(world.calls)
                .noneMatch(call -> call.startsWith("drop") || call.startsWith("purge") || call.startsWith("truncate"));
        assertThat(world.existing).contains("storage/a.sqlite3");
    }

    @Test
    void dropAll_databaseLastRunInProduction_refusedBeforeAnyChange() throws Exception {
        DatabaseTasks tasks = migratedPrimaryLastRunIn("production");
        world.calls.clear();

        assertThatThrownBy(tasks::dropAll).isInstanceOf(ProtectedEnvironmentException.class);
        assertThat(world.calls).isEmpty();
    }

    @Test
    void drop_disableEnvironmentCheck_dropsTheProductionDatabase() throws Exception {
        migratedPrimaryLastRunIn("production");
        DatabaseTasks tasks = tasks(1, Map.of("DISABLE_DATABASE_ENVIRONMENT_CHECK", "1"));

        tasks.drop(tasks.select().visible());

        assertThat(world.calls).contains("drop storage/a.sqlite3");
        assertThat(world.existing).doesNotContain("storage/a.sqlite3");
    }

    @Test
    void drop_databaseLastRunInAnotherEnvironment_refusedWithTheEnvironmentSetStep() throws Exception {
        DatabaseTasks tasks = migratedPrimaryLastRunIn("staging");

        assertThatThrownBy(() -> tasks.drop(tasks.select().visible()))
                .isInstanceOf(ProtectedEnvironmentException.class)
                .hasMessageContaining("last run in `staging` environment")
                .hasMessageContaining("mdb db:environment:set -e development");
    }

    @Test
    void migrate_oneJobAndAFailingDatabase_stopsThereAndKeepsWhatCompleted() throws IOException {
        DatabaseTasks tasks = tasks(1);
        tasks.create(tasks.select().visible());
        write("db/migrate/V1__create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        write("db/animals_migrate/V1__broken.sql", "INSERT INTO no_such_table VALUES (1);\n");
        write("db/shard_migrate/V1__create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");

        Results<MigrateResult> results =
                tasks.migrations().migrate(tasks.select().visible(), null, FleetOptions.stopOnError());

        assertThat(results.all()).extracting(DatabaseResult::ok).containsExactly(true, false, true);
        assertThat(results.all().get(0).value().outcome()).isEqualTo(MigrateResult.Outcome.MIGRATED);
        assertThat(results.all().get(2).value().outcome()).isEqualTo(MigrateResult.Outcome.NOT_RUN);
        assertThat(results.all().get(2).value().notRun())
                .extracting(v -> v.text())
                .containsExactly("1");
        assertThatThrownBy(results::raise)
                .isInstanceOf(DatabasesFailedException.class)
                .hasMessageContaining("1 of 3 databases failed: animals. 1 left migrations not run")
                .satisfies(e -> assertThat(((DatabasesFailedException) e).failures())
                        .singleElement()
                        .satisfies(f -> assertThat(f).hasMessageContaining("V1__broken.sql")));
        assertThat(out).anyMatch(line -> line.startsWith("== 1 CreateUsers: migrated ("));
        assertThat(out).noneMatch(line -> line.contains("CreateItems"));
    }

    @Test
    void migrate_aFailure_leavesWhatFollowsItInVersionOrderNotRun() throws IOException {
        DatabaseTasks tasks = tasks(1);
        tasks.create(tasks.select().visible());
        write("db/migrate/V1__create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        write("db/animals_migrate/V2__broken.sql", "INSERT INTO no_such_table VALUES (1);\n");
        write("db/shard_migrate/V1__create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");
        write("db/shard_migrate/V3__create_parts.sql", "CREATE TABLE parts (id INTEGER PRIMARY KEY);\n");

        Results<MigrateResult> results = tasks.migrations()
                .migrate(tasks.select().visible(), null, new FleetOptions(FleetOptions.OnError.CONTINUE, null, false));

        assertThat(results.all()).extracting(DatabaseResult::ok).containsExactly(true, false, true);
        // The shard's V1 comes before animals' V2 and runs; its V3 follows the failed V2 and does not.
        MigrateResult shard = results.all().get(2).value();
        assertThat(shard.applied()).extracting(v -> v.text()).containsExactly("1");
        assertThat(shard.notRun()).extracting(v -> v.text()).containsExactly("3");
        assertThat(out)
                .containsSubsequence(
                        "database: shard (" + tasks.select().named("shard").database() + ")",
                        "Not run (a migration they follow failed): 1 pending migration, from 3.");
    }

    /** SQL is sent as written: {@code ${…}} in a migration is text, not a placeholder. */
    @Test
    void migrate_dollarBraceText_isSentAsWritten() throws Exception {
        DatabaseTasks tasks = tasks(1);
        tasks.create(List.of(tasks.select().primary()));
        write(
                "db/migrate/V1__notes.sql",
                "CREATE TABLE notes (body TEXT);\n"
                        + "INSERT INTO notes VALUES ('${HOME} and ${not.defined} and $${x}');\n");

        tasks.migrations()
                .migrate(List.of(tasks.select().primary()), null, FleetOptions.stopOnError())
                .raise();

        var adapter = tasks.adapter(tasks.select().primary());
        try (Connection c = adapter.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT body FROM notes")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("${HOME} and ${not.defined} and $${x}");
        }
    }

    /** The primary exists, has one migration applied, and says it was last run in {@code env}. */
    private DatabaseTasks migratedPrimaryLastRunIn(String env) throws IOException, SQLException {
        DatabaseTasks tasks = tasks(1);
        tasks.create(tasks.select().visible());
        write("db/migrate/V1__create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        tasks.migrations()
                .migrate(List.of(tasks.select().primary()), null, FleetOptions.stopOnError())
                .raise();
        var adapter = tasks.adapter(tasks.select().primary());
        try (Connection c = adapter.connect()) {
            InternalMetadata.write(c, adapter, InternalMetadata.ENVIRONMENT, env);
        }
        return tasks;
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
