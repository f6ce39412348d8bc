package dev.mdb.tasks;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What every task needs besides the configuration: the project directory (relative SQLite paths and migrations
 * paths resolve against it), the current environment, the process environment (Rails reads {@code VERSION},
 * {@code DISABLE_DATABASE_ENVIRONMENT_CHECK}, … from it), verbosity and where output goes.
 */
public record TaskOptions(
        Path projectDir, String env, Map<String, String> environment, boolean verbose, Reporter reporter) {
    public TaskOptions {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(env, "env");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(reporter, "reporter");
    }

    /** Whether the variable is set at all; as in Ruby, an empty value counts as set. */
    public boolean isSet(String variable) {
        return environment.containsKey(variable);
    }
}
