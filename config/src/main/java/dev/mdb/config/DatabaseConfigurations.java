package dev.mdb.config;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All configurations of a database.yml, in file order, resolved for one current environment (the one whose
 * {@code DATABASE_URL}/{@code NAME_DATABASE_URL} variables apply and whose name {@code <%= Rails.env %>} yields).
 */
public final class DatabaseConfigurations {
    private final String currentEnv;
    private final List<DatabaseConfig> configs;
    private final List<String> environments;

    public DatabaseConfigurations(String currentEnv, List<DatabaseConfig> configs) {
        this(currentEnv, configs, List.of());
    }

    /**
     * @param environments environment names declared in the file, in file order, including those without any
     *     configuration (e.g. {@code test:} left empty); environments of {@code configs} are added when missing
     */
    public DatabaseConfigurations(String currentEnv, List<DatabaseConfig> configs, List<String> environments) {
        this.currentEnv = currentEnv;
        this.configs = List.copyOf(configs);
        Set<String> names = new LinkedHashSet<>(environments);
        this.configs.forEach(config -> names.add(config.env()));
        this.environments = List.copyOf(names);
    }

    /**
     * Loads {@code file}. A missing file yields an empty set when {@code DATABASE_URL} is set (a {@code primary} is
     * then synthesised), else a {@link ConfigException}.
     */
    public static DatabaseConfigurations load(Path file, String env, Map<String, String> environment) {
        return dev.mdb.config.internal.ConfigurationLoader.load(file, env, environment);
    }

    /** Parses YAML text; {@code source} names the file in error messages. */
    public static DatabaseConfigurations parse(
            String yaml, String source, String env, Map<String, String> environment) {
        return dev.mdb.config.internal.ConfigurationLoader.parse(yaml, source, env, environment);
    }

    public String currentEnv() {
        return currentEnv;
    }

    /** Every configuration of every environment, hidden ones included, in file order. */
    public List<DatabaseConfig> all() {
        return configs;
    }

    /** Visible configurations (not replica, not {@code database_tasks: false}) of {@code env}, in file order. */
    public List<DatabaseConfig> configsFor(String env) {
        return configsFor(env, false);
    }

    public List<DatabaseConfig> configsFor(String env, boolean includeHidden) {
        return configs.stream()
                .filter(c -> c.env().equals(env))
                .filter(c -> includeHidden || !c.hidden())
                .toList();
    }

    /** The named configuration of {@code env}, hidden ones included. */
    public Optional<DatabaseConfig> find(String env, String name) {
        return configs.stream()
                .filter(c -> c.env().equals(env) && c.name().equals(name))
                .findFirst();
    }

    /** The config named {@code primary}, else the first config of {@code env}. */
    public Optional<DatabaseConfig> primary(String env) {
        Optional<DatabaseConfig> named = find(env, "primary");
        return named.isPresent()
                ? named
                : configs.stream().filter(c -> c.env().equals(env)).findFirst();
    }

    /**
     * Environment names in file order, including environments declared without configurations and an environment
     * whose {@code primary} was synthesised from {@code DATABASE_URL}; never {@code shared}.
     */
    public List<String> environments() {
        return environments;
    }

    /**
     * Whether {@code env} is declared in the file (even with no configurations) or has a configuration synthesised
     * from {@code DATABASE_URL}. An unknown environment is not an error here: the task layer decides.
     */
    public boolean hasEnvironment(String env) {
        return environments.contains(env);
    }

    public boolean isEmpty() {
        return configs.isEmpty();
    }
}
