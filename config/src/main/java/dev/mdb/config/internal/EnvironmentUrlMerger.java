package dev.mdb.config.internal;

import dev.mdb.config.ConfigException;
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
 * synthesised from {@code PRIMARY_DATABASE_URL} or {@code DATABASE_URL}. Other environments are untouched. A value
 * that is not a URL is refused, and no message quotes a variable's value.
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
        String url = environment.get(variable);
        requireUrl(url, variable, where);
        Map<String, Object> settings = DatabaseUrlParser.merge(config.settings(), url, where, false);
        return new RawConfig(config.env(), config.name(), settings, true);
    }

    /**
     * Refuses a variable whose value is not a URL, in a message that never shows the value (it may be a password
     * pasted in the wrong place): no scheme ({@code letter [letters digits + - .] ':'}, as in {@code postgresql:},
     * {@code sqlite3:}, {@code jdbc:}) at its start, or a space or control character anywhere (URLs have none:
     * they are percent-encoded). Without this a value like {@code postgres//app:pw@host/db} would become the
     * database name, and the first error would quote it.
     */
    private static void requireUrl(String url, String variable, String where) {
        if (url.isBlank()) {
            return; // DatabaseUrlParser: "Database URL cannot be empty."
        }
        String problem = null;
        if (!DatabaseUrlParser.hasScheme(url.strip())) {
            problem = "it does not start with a scheme such as postgresql://, mysql2://, sqlite3: or jdbc:";
        } else if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            problem = "it contains a space, a line break or another control character (percent-encode a space as %20)";
        }
        if (problem != null) {
            throw new ConfigException(where + ": not a database URL: " + problem + ". Set " + variable
                    + " to a URL such as postgresql://user:password@host/database; its value is not shown here.");
        }
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
