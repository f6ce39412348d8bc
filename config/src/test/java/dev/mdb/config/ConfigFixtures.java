package dev.mdb.config;

import java.util.Map;

/** Shared helpers for config tests: parsing a YAML string as {@code config/database.yml}. */
final class ConfigFixtures {
    static final String SOURCE = "config/database.yml";
    static final String CANARY = "s3cr3t-canary";

    private ConfigFixtures() {}

    static DatabaseConfigurations parse(String yaml) {
        return parse(yaml, "development", Map.of());
    }

    static DatabaseConfigurations parse(String yaml, String env, Map<String, String> environment) {
        return DatabaseConfigurations.parse(yaml, SOURCE, env, environment);
    }

    static DatabaseConfig only(DatabaseConfigurations configurations, String env) {
        var configs = configurations.configsFor(env, true);
        if (configs.size() != 1) {
            throw new AssertionError("expected one config in " + env + " but got " + configs);
        }
        return configs.get(0);
    }
}
