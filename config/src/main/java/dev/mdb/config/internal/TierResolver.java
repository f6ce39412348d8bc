package dev.mdb.config.internal;

import dev.mdb.config.ConfigException;
import dev.mdb.config.ConfigKeys;
import dev.mdb.config.JdbcUrls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the loaded YAML tree into configurations: {@code shared:} is deep-merged under every configuration
 * (environment values win), then each environment is a URL string (one {@code primary}), a mapping of mappings
 * (3-tier, one configuration per key in file order) or any other mapping (2-tier, {@code primary}); a
 * {@code url:} key is parsed and its keys override their siblings.
 */
final class TierResolver {
    private final String source;
    private final Map<String, Object> shared;

    private TierResolver(String source, Map<String, Object> shared) {
        this.source = source;
        this.shared = shared;
    }

    /** The configurations of {@code root} (environment name ⇒ value) in file order. */
    static List<RawConfig> resolve(Map<String, Object> root, String source) {
        TierResolver resolver = new TierResolver(source, sharedSettings(root, source));
        List<RawConfig> configs = new ArrayList<>();
        root.forEach((env, value) -> {
            if (!env.equals(ConfigKeys.SHARED)) {
                configs.addAll(resolver.environment(env, value));
            }
        });
        return configs;
    }

    /** Environment names in file order, without {@code shared}. */
    static List<String> environments(Map<String, Object> root) {
        return root.keySet().stream()
                .filter(name -> !name.equals(ConfigKeys.SHARED))
                .toList();
    }

    private static Map<String, Object> sharedSettings(Map<String, Object> root, String source) {
        Object shared = root.get(ConfigKeys.SHARED);
        if (shared == null) {
            return Map.of();
        }
        if (shared instanceof Map<?, ?>) {
            return asSettings(shared);
        }
        throw new ConfigException(source + ": 'shared' must be a mapping of settings merged into every environment.");
    }

    private List<RawConfig> environment(String env, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String url) {
            if (!DatabaseUrlParser.hasScheme(url)) {
                throw invalid(env, url);
            }
            Map<String, Object> settings = DatabaseUrlParser.merge(Map.of(), url, where(env, ConfigKeys.PRIMARY));
            return List.of(new RawConfig(env, ConfigKeys.PRIMARY, settings, true));
        }
        if (!(value instanceof Map<?, ?>)) {
            throw invalid(env, value);
        }
        Map<String, Object> tiers = asSettings(value);
        if (tiers.values().stream().allMatch(sub -> sub instanceof Map<?, ?>)) {
            List<RawConfig> configs = new ArrayList<>();
            tiers.forEach((name, sub) -> configs.add(config(env, name, asSettings(sub))));
            return configs;
        }
        return List.of(config(env, ConfigKeys.PRIMARY, tiers));
    }

    private RawConfig config(String env, String name, Map<String, Object> own) {
        Map<String, Object> settings = deepMerge(shared, own);
        if (!settings.containsKey(ConfigKeys.URL)) {
            return new RawConfig(env, name, settings, false);
        }
        Object url = settings.get(ConfigKeys.URL);
        if (url == null) {
            settings.remove(ConfigKeys.URL);
            return new RawConfig(env, name, settings, true);
        }
        if (url instanceof String string) {
            return new RawConfig(env, name, DatabaseUrlParser.merge(settings, string, where(env, name)), true);
        }
        throw new ConfigException(where(env, name) + ": 'url' must be a string such as "
                + "postgresql://localhost/app_development, not a " + kind(url) + ".");
    }

    /** A new mapping with {@code base}'s entries, then {@code overrides}' (nested mappings merged the same way). */
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overrides.forEach((key, value) -> {
            Object existing = merged.get(key);
            if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
                merged.put(key, deepMerge(asSettings(existing), asSettings(value)));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asSettings(Object map) {
        // YamlLoader copies every mapping into a Map<String, Object>.
        return (Map<String, Object>) map;
    }

    private static String kind(Object value) {
        if (value instanceof Map<?, ?>) {
            return "mapping";
        }
        return value instanceof List<?>
                ? "list"
                : value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private String where(String env, String name) {
        return source + " (" + env + "/" + name + ")";
    }

    private ConfigException invalid(String env, Object value) {
        String shown = JdbcUrls.redact(String.valueOf(value));
        return new ConfigException(source + ": '{ " + env + " => " + shown + " }' is not a valid configuration. "
                + "Expected '" + shown + "' to be a URL string or a Hash.");
    }
}
