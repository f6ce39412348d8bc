package dev.mdb.config.internal;

import dev.mdb.config.DatabaseConfigurations;
import java.nio.file.Path;
import java.util.Map;

/** Reads database.yml: interpolation, safe YAML, tiers, URLs and environment variables. */
public final class ConfigurationLoader {
    private ConfigurationLoader() {}

    public static DatabaseConfigurations load(Path file, String env, Map<String, String> environment) {
        throw new UnsupportedOperationException("TODO");
    }

    public static DatabaseConfigurations parse(
            String yaml, String source, String env, Map<String, String> environment) {
        throw new UnsupportedOperationException("TODO");
    }
}
