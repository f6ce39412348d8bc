package dev.mdb.example.trips;

import dev.mdb.runtime.ReadConsistency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The command line of {@link TripsApp}: {@code [--config config/database.yml] [--env development] [--host 127.0.0.1]
 * [--port 8080] [--consistency causal|window] [--delay-ms 2000]}.
 *
 * @param config the database.yml to load
 * @param env the environment of it to use
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param window true for Rails' time window, false for the causal strategy (WAL positions on PostgreSQL)
 * @param delay the time window: how long after a write the client's reads use the primary when no position says
 *     better
 */
public record TripsOptions(Path config, String env, String host, int port, boolean window, Duration delay) {

    /** How to call the app, for {@code --help} and usage errors. */
    public static final String USAGE = "Usage: TripsApp [--config config/database.yml] [--env development]"
            + " [--host 127.0.0.1] [--port 8080] [--consistency causal|window] [--delay-ms 2000]";

    public TripsOptions {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(delay, "delay");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535: " + port);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("--delay-ms must not be negative: " + delay.toMillis());
        }
    }

    /** The defaults: {@code config/database.yml}, {@code development}, 127.0.0.1:8080, causal, 2 s. */
    public static TripsOptions defaults() {
        return new TripsOptions(
                Path.of("config/database.yml"), "development", "127.0.0.1", 8080, false, ReadConsistency.DEFAULT_DELAY);
    }

    /** Parses {@code args}; an unknown option or a bad value throws {@link IllegalArgumentException}. */
    public static TripsOptions parse(String... args) {
        TripsOptions options = defaults();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value. " + USAGE);
            }
            String value = args[i + 1];
            options = switch (name) {
                case "--config" -> options.withConfig(Path.of(value));
                case "--env" ->
                    new TripsOptions(options.config, value, options.host, options.port, options.window, options.delay);
                case "--host" ->
                    new TripsOptions(options.config, options.env, value, options.port, options.window, options.delay);
                case "--port" ->
                    new TripsOptions(
                            options.config,
                            options.env,
                            options.host,
                            number(name, value),
                            options.window,
                            options.delay);
                case "--consistency" ->
                    new TripsOptions(
                            options.config, options.env, options.host, options.port, window(value), options.delay);
                case "--delay-ms" ->
                    new TripsOptions(
                            options.config,
                            options.env,
                            options.host,
                            options.port,
                            options.window,
                            Duration.ofMillis(number(name, value)));
                default -> throw new IllegalArgumentException("unknown option '" + name + "'. " + USAGE);
            };
        }
        return options;
    }

    public TripsOptions withConfig(Path config) {
        return new TripsOptions(config, env, host, port, window, delay);
    }

    /** The strategy the database selector uses: {@link ReadConsistency#timeWindow} or {@link ReadConsistency#causal}. */
    public ReadConsistency consistency() {
        return window ? ReadConsistency.timeWindow(delay) : ReadConsistency.causal(delay);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number: '" + value + "'", e);
        }
    }

    private static boolean window(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "causal" -> false;
            case "window" -> true;
            default -> throw new IllegalArgumentException("--consistency must be causal or window: '" + value + "'");
        };
    }
}
