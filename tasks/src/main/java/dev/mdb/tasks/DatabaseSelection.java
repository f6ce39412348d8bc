package dev.mdb.tasks;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.config.UnknownDatabaseNameException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Which configurations a task acts on, with Rails' rules (RAILS-SEMANTICS §0). */
public final class DatabaseSelection {
    private static final Set<String> LOCAL_HOSTS = Set.of("", "127.0.0.1", "localhost", "::1");
    private final DatabaseConfigurations configs;
    private final TaskOptions options;
    private final String source;

    public DatabaseSelection(DatabaseConfigurations configs, TaskOptions options, String source) {
        this.configs = configs;
        this.options = options;
        this.source = source;
    }

    public String env() {
        return options.env();
    }

    /** Visible configs of the current environment; an environment the file does not have is an error. */
    public List<DatabaseConfig> visible() {
        requireEnvironment();
        return configs.configsFor(options.env());
    }

    public void requireEnvironment() {
        if (configs.configsFor(options.env(), true).isEmpty()) {
            List<String> known = configs.environments();
            throw new ConfigException("environment '" + options.env() + "' is not configured in " + source
                    + ". Known environments: " + (known.isEmpty() ? "(none)" : String.join(", ", known))
                    + ". Use -e ENV or MDB_ENV.");
        }
    }

    /** Visible configs, plus the test ones in development (unless SKIP_TEST_DATABASE or DATABASE_URL is set). */
    public List<DatabaseConfig> current() {
        List<DatabaseConfig> result = new ArrayList<>(visible());
        if (options.env().equals("development")
                && !options.isSet("SKIP_TEST_DATABASE")
                && !options.isSet("DATABASE_URL")) {
            result.addAll(configs.configsFor("test"));
        }
        return result;
    }

    /** Visible configs of every environment on a local host; remote ones are reported and skipped. */
    public List<DatabaseConfig> local() {
        List<DatabaseConfig> result = new ArrayList<>();
        for (String env : configs.environments()) {
            for (DatabaseConfig config : configs.configsFor(env)) {
                if (config.database() == null && config.jdbcUrl() == null) {
                    continue;
                }
                String host = config.host() == null ? "" : config.host();
                if (LOCAL_HOSTS.contains(host)) {
                    result.add(config);
                } else {
                    options.reporter()
                            .err("This task only modifies local databases. " + config.database()
                                    + " is on a remote host.");
                }
            }
        }
        return result;
    }

    /** The named visible config of the current environment; hidden and unknown names are errors saying why. */
    public DatabaseConfig named(String name) {
        requireEnvironment();
        return namedIn(options.env(), name);
    }

    /** The named visible config of {@code env} (e.g. {@code test} for db:test:prepare:NAME). */
    public DatabaseConfig namedIn(String env, String name) {
        Optional<DatabaseConfig> found = configs.find(env, name);
        if (found.isEmpty()) {
            throw new UnknownDatabaseNameException(
                    env,
                    name,
                    configs.configsFor(env).stream().map(DatabaseConfig::name).toList());
        }
        DatabaseConfig config = found.get();
        if (config.replica()) {
            throw new ConfigException("database '" + name + "' (" + config.label()
                    + ") is a replica (replica: true); tasks skip replicas. Run the task on its primary instead.");
        }
        if (!config.databaseTasks()) {
            throw new ConfigException("database '" + name + "' (" + config.label()
                    + ") has database_tasks: false; mdb does not manage it. Remove that key to run tasks on it.");
        }
        return config;
    }

    /** Whether {@code config} is its environment's primary (named {@code primary}, else the first entry). */
    public boolean isPrimary(DatabaseConfig config) {
        return configs.primary(config.env())
                .map(p -> p.name().equals(config.name()))
                .orElse(false);
    }

    /** Visible configs of another environment (e.g. {@code test} for db:test:prepare); none when it is absent. */
    public List<DatabaseConfig> visibleIn(String env) {
        return configs.configsFor(env);
    }

    /** The primary of the current environment (named {@code primary}, else the first). */
    public DatabaseConfig primary() {
        requireEnvironment();
        return configs.primary(options.env()).orElseThrow();
    }

    /** Whether {@code spec} ({@code --database}) selects several databases (a list or a glob) rather than naming one. */
    public static boolean isPattern(String spec) {
        return spec != null && (spec.contains(",") || spec.contains("*") || spec.contains("?"));
    }

    /**
     * The visible databases {@code spec} selects ({@code a,b}, {@code primary_shard_*}), in config order; a plain name
     * that is hidden or unknown says why, and a part that matches nothing is an unknown name.
     */
    public List<DatabaseConfig> matching(String spec) {
        List<DatabaseConfig> visible = visible();
        List<DatabaseConfig> chosen = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            String pattern = part.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            if (!NamePatterns.isGlob(pattern)) {
                named(pattern); // a hidden or unknown plain name says why
            }
            Pattern regex = NamePatterns.glob(pattern);
            boolean matched = false;
            for (DatabaseConfig config : visible) {
                if (regex.matcher(config.name()).matches()) {
                    matched = true;
                    if (!chosen.contains(config)) {
                        chosen.add(config);
                    }
                }
            }
            if (!matched) {
                throw new UnknownDatabaseNameException(
                        options.env(),
                        pattern,
                        visible.stream().map(DatabaseConfig::name).toList());
            }
        }
        chosen.sort(Comparator.comparingInt(visible::indexOf));
        return chosen;
    }
}
