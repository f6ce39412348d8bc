package dev.mdb.config.internal;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads database.yml: interpolation ({@link ErbInterpolator}), safe YAML ({@link YamlLoader}), {@code shared:} and
 * tiers ({@link TierResolver}), then {@code DATABASE_URL} variables ({@link EnvironmentUrlMerger}).
 */
public final class ConfigurationLoader {
    private ConfigurationLoader() {}

    /**
     * Loads {@code file}. A missing file is an error unless {@code DATABASE_URL} is set, in which case the only
     * configuration is the {@code primary} synthesised from it.
     */
    public static DatabaseConfigurations load(Path file, String env, Map<String, String> environment) {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            if (environment.get(EnvironmentUrlMerger.DATABASE_URL) == null) {
                throw new ConfigException("Could not load database configuration. No such file - [" + file + "]");
            }
            return build(null, file.toString(), env, environment);
        }
        return parse(read(file), file.toString(), env, environment);
    }

    /** Parses database.yml text; {@code source} names the file in error messages. */
    public static DatabaseConfigurations parse(
            String yaml, String source, String env, Map<String, String> environment) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(environment, "environment");
        if (yaml.length() > ConfigLimits.MAX_FILE_BYTES) {
            throw tooLarge(source);
        }
        String template = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        InterpolatedText text = ErbInterpolator.interpolate(template, source, env, environment);
        return build(YamlLoader.load(text, source), source, env, environment);
    }

    /** Reads at most one byte more than the limit, so a huge file (or an endless pipe) costs no more than that. */
    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(ConfigLimits.MAX_FILE_BYTES + 1);
            if (bytes.length > ConfigLimits.MAX_FILE_BYTES) {
                throw tooLarge(file.toString());
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": cannot load database configuration: the file is not valid UTF-8.");
        } catch (IOException e) {
            throw new ConfigException(
                    file + ": cannot load database configuration: the file cannot be read (" + e + ").", e);
        }
    }

    private static ConfigException tooLarge(String source) {
        return ConfigLimits.exceeded(
                source,
                "the file",
                (ConfigLimits.MAX_FILE_BYTES >> 20) + " MiB (" + ConfigLimits.MAX_FILE_BYTES + " bytes)",
                "A database.yml is a few KB: check that this is the right file.");
    }

    private static DatabaseConfigurations build(
            Object document, String source, String env, Map<String, String> environment) {
        Map<String, Object> root = topLevel(document, source);
        List<RawConfig> raw = EnvironmentUrlMerger.apply(TierResolver.resolve(root, source), env, environment);
        int[] budget = {ConfigLimits.MAX_TOTAL_VALUES};
        List<DatabaseConfig> configs = new ArrayList<>(raw.size());
        for (RawConfig config : raw) {
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = (Map<String, Object>) freeze(config.settings(), budget, source);
            configs.add(new DatabaseConfig(config.env(), config.name(), settings));
        }
        return new DatabaseConfigurations(env, configs, TierResolver.environments(root));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> topLevel(Object document, String source) {
        if (document == null) {
            return Map.of();
        }
        if (document instanceof Map<?, ?>) {
            return (Map<String, Object>) document;
        }
        throw new ConfigException(source + ": cannot load database configuration: expected a mapping of environment"
                + " names (development:, test:, production:) at the top level.");
    }

    /** An unmodifiable deep copy; mappings keep their order and may hold nulls ({@code schema_dump:}). */
    private static Object freeze(Object value, int[] budget, String source) {
        if (--budget[0] < 0) {
            throw new ConfigException(source + ": cannot load database configuration: the configurations hold more "
                    + "than " + ConfigLimits.MAX_TOTAL_VALUES
                    + " values once 'shared:' is merged into each. Make 'shared:' smaller.");
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(String.valueOf(key), freeze(element, budget, source)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(freeze(element, budget, source)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
