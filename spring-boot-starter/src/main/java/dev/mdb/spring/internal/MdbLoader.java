package dev.mdb.spring.internal;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.Mdb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Turns the {@code mdb.database-yml} location into an {@link Mdb.Builder}: a file is loaded as a file (relative SQLite
 * paths resolve against the parent of its {@code config/} directory); anything else (a {@code classpath:} resource,
 * also inside a jar) is read as text, and relative paths resolve against the working directory.
 */
public final class MdbLoader {
    private MdbLoader() {}

    public static Mdb.Builder builder(
            ResourceLoader resources, String location, String env, Map<String, String> environment) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new ConfigException("no database.yml at '" + location + "' (mdb.database-yml). Set mdb.database-yml"
                    + " to its location, e.g. file:config/database.yml or classpath:config/database.yml.");
        }
        try {
            if (!(resource instanceof ClassPathResource) && resource.isFile()) {
                return Mdb.builder(resource.getFile().toPath(), env).environment(environment);
            }
            String yaml;
            try (InputStream in = resource.getInputStream()) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            DatabaseConfigurations configs =
                    DatabaseConfigurations.parse(yaml, resource.getDescription(), env, environment);
            return Mdb.builder(configs, env, Path.of("").toAbsolutePath());
        } catch (IOException e) {
            throw new ConfigException("couldn't read database.yml at '" + location + "': " + e.getMessage(), e);
        }
    }

    /** {@code mdb.env} when set (also bound from {@code MDB_ENV}), else {@code RAILS_ENV}, else development. */
    public static String env(String configured, String railsEnv) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return railsEnv != null && !railsEnv.isBlank() ? railsEnv : "development";
    }
}
