package dev.mdb.tasks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What every task needs besides the configuration: the project directory (relative SQLite paths and migrations
 * paths resolve against it), the current environment, the process environment (Rails reads {@code VERSION},
 * {@code DISABLE_DATABASE_ENVIRONMENT_CHECK}, … from it), verbosity, where output goes, how many databases are worked
 * on at once, whether schema files are re-dumped after migrating, and the progress display for work over several
 * databases.
 *
 * @param jobs databases worked on at once; 1 runs them one after another and stops at the first failure
 * @param dumpSchemaAfterMigration re-dump schema files after migrate, rollback, up, down and redo ({@code
 *     --no-schema-dump} and {@code DUMP_SCHEMA_AFTER_MIGRATION=false} turn it off; an entry's {@code
 *     dump_schema_after_migration: false} skips that one)
 * @param progress the display for a run over that many databases
 * @param lockWait how long a migrator waits for another's migration lock before it gives up; null: as long as the
 *     holder lives ({@code --lock-wait})
 */
public record TaskOptions(
        Path projectDir,
        String env,
        Map<String, String> environment,
        boolean verbose,
        Reporter reporter,
        int jobs,
        boolean dumpSchemaAfterMigration,
        IntFunction<TaskProgress> progress,
        Duration lockWait) {
    /** Databases worked on at once unless {@code --jobs} says otherwise: work over servers is mostly waiting. */
    public static final int DEFAULT_JOBS = 8;

    public TaskOptions {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(env, "env");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(reporter, "reporter");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        Objects.requireNonNull(progress, "progress");
    }

    /** The defaults: {@link #DEFAULT_JOBS} jobs, schema files re-dumped, no progress display. */
    public TaskOptions(
            Path projectDir, String env, Map<String, String> environment, boolean verbose, Reporter reporter) {
        this(projectDir, env, environment, verbose, reporter, DEFAULT_JOBS, true, total -> TaskProgress.NONE, null);
    }

    /** Whether the variable is set at all; as in Ruby, an empty value counts as set. */
    public boolean isSet(String variable) {
        return environment.containsKey(variable);
    }

    /** These options with {@code reporter} instead. */
    TaskOptions withReporter(Reporter other) {
        return new TaskOptions(
                projectDir, env, environment, verbose, other, jobs, dumpSchemaAfterMigration, progress, lockWait);
    }
}
