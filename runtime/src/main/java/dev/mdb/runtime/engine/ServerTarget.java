package dev.mdb.runtime.engine;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared by client/server engines: host and port defaults, credentials as properties, location for messages. */
public abstract class ServerTarget implements JdbcTarget {
    /** {@code jdbc:<engine>://host[:port]}, host possibly a bracketed IPv6 address; user info is skipped. */
    private static final Pattern JDBC_AUTHORITY =
            Pattern.compile("jdbc:[a-z0-9]+://(?:[^/@?]*@)?(\\[[^\\]]*\\]|[^:/?,;]+)(?::([0-9]+))?");

    private final DatabaseConfig config;
    private final Engine engine;
    /** {@link #location()}, computed on first use (it is asked for on every route resolution). */
    private volatile String location;

    protected ServerTarget(DatabaseConfig config, Engine engine) {
        this.config = config;
        this.engine = engine;
    }

    @Override
    public DatabaseConfig config() {
        return config;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    protected abstract int defaultPort();

    public String host() {
        String host = config.host();
        return host == null || host.isBlank() ? "localhost" : host;
    }

    public int port() {
        Integer port = config.port();
        if (port == null) {
            return defaultPort();
        }
        if (port < 1 || port > 65535) {
            throw new ConfigException("invalid port " + port + " for database '" + config.name() + "' ("
                    + config.label() + "). Use a number from 1 to 65535.");
        }
        return port;
    }

    protected String hostForUrl() {
        String host = host();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String url() {
        String url = config.jdbcUrl();
        return url != null ? url : urlFor(config.database());
    }

    @Override
    public String location() {
        String known = location;
        if (known == null) {
            known = findLocation();
            location = known; // a racy cache: every thread computes the same value
        }
        return known;
    }

    private String findLocation() {
        String url = config.jdbcUrl();
        if (url != null) {
            Matcher m = JDBC_AUTHORITY.matcher(url);
            if (m.lookingAt()) {
                return m.group(1) + ":" + (m.group(2) != null ? m.group(2) : defaultPort());
            }
        }
        return host() + ":" + port();
    }

    /**
     * The credentials, the timeouts ({@link Timeouts#of}: connect, login and read) and the {@code variables:} session
     * settings, as driver properties.
     */
    @Override
    public Properties properties() {
        Properties props = new Properties();
        props.putAll(engine.driverTimeouts(Timeouts.of(config)));
        props.putAll(engine.sessionVariables(variables(config)));
        if (config.username() != null) {
            props.setProperty("user", config.username());
        }
        if (config.password() != null) {
            props.setProperty("password", config.password());
        }
        return props;
    }

    /** database.yml's {@code variables:} hash, values as strings; a non-hash is a configuration error. */
    static Map<String, String> variables(DatabaseConfig config) {
        Object value = config.settings().get("variables");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ConfigException("'variables' of database '" + config.name() + "' (" + config.label()
                    + ") must be a hash of session settings, e.g. variables: { statement_timeout: 60s }.");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String name = String.valueOf(k);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw new ConfigException("invalid session setting name '" + name + "' in 'variables' of database '"
                        + config.name() + "' (" + config.label() + "). Use the server's setting name.");
            }
            variables.put(name, v == null ? "" : String.valueOf(v));
        });
        return variables;
    }
}
