package dev.mdb.config.internal;

import dev.mdb.config.ConfigKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code <NAME>_DATABASE_URL} and {@code DATABASE_URL} to the configurations of the current environment that
 * have no {@code url:} of their own, as Rails does: the named variable wins, plain {@code DATABASE_URL} applies only
 * to the configuration named {@code primary}, and an environment without configurations gets a {@code primary}
 * synthesised from {@code PRIMARY_DATABASE_URL} or {@code DATABASE_URL}. Other environments are untouched.
 */
final class EnvironmentUrlMerger {
    static final String DATABASE_URL = "DATABASE_URL";

    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentUrlMerger.class);

    private EnvironmentUrlMerger() {}

    static List<RawConfig> apply(List<RawConfig> configs, String env, Map<String, String> environment) {
        List<RawConfig> merged = new ArrayList<>(configs.size() + 1);
        boolean envHasConfigs = false;
        for (RawConfig config : configs) {
            boolean current = config.env().equals(env);
            envHasConfigs |= current;
            merged.add(current && !config.hasUrl() ? withVariable(config, environment) : config);
        }
        if (!envHasConfigs) {
            RawConfig synthesised = withVariable(new RawConfig(env, ConfigKeys.PRIMARY, Map.of(), false), environment);
            if (synthesised.hasUrl()) {
                merged.add(synthesised);
            }
        } else {
            warnIfDatabaseUrlIgnored(configs, env, environment);
        }
        return merged;
    }

    private static RawConfig withVariable(RawConfig config, Map<String, String> environment) {
        String variable = variableFor(config.name(), environment);
        if (variable == null) {
            return config;
        }
        String where = variable + " (" + config.env() + "/" + config.name() + ")";
        Map<String, Object> settings = DatabaseUrlParser.merge(config.settings(), environment.get(variable), where);
        return new RawConfig(config.env(), config.name(), settings, true);
    }

    /** The variable that holds the URL of configuration {@code name}, or null when none is set. */
    static String variableFor(String name, Map<String, String> environment) {
        String named = name.toUpperCase(Locale.ROOT) + "_" + DATABASE_URL;
        if (environment.get(named) != null) {
            return named;
        }
        if (name.equals(ConfigKeys.PRIMARY) && environment.get(DATABASE_URL) != null) {
            return DATABASE_URL;
        }
        return null;
    }

    private static void warnIfDatabaseUrlIgnored(List<RawConfig> configs, String env, Map<String, String> environment) {
        if (environment.get(DATABASE_URL) == null) {
            return;
        }
        boolean applied = configs.stream()
                .anyMatch(c -> c.env().equals(env) && c.name().equals(ConfigKeys.PRIMARY) && !c.hasUrl());
        if (!applied) {
            LOG.warn(
                    "[{}] DATABASE_URL is set but ignored: no configuration of '{}' is named 'primary' without its own"
                            + " url. Set <NAME>_DATABASE_URL for the configuration it is meant for.",
                    env,
                    env);
        }
    }
}
