package dev.mdb.web;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the shard a request is for (Rails' {@code shard_resolver}): empty when the request names none. Built-ins read
 * a header, the first label of the host, or the first path segment; a lambda can read a JWT claim or a tenant table.
 * The name is checked against the topology by {@link ShardSelector}, so a resolver may return anything the client
 * sent.
 */
@FunctionalInterface
public interface ShardResolver {
    /** The shard named by {@code request}, if any. */
    Optional<String> resolve(RequestView request);

    /** The value of request header {@code name}, e.g. {@code X-Shard: shard_one}. */
    static ShardResolver header(String name) {
        Objects.requireNonNull(name, "name");
        return request -> request.header(name).map(String::trim).filter(value -> !value.isEmpty());
    }

    /**
     * The first label of a host name of three or more labels: {@code shard_one.example.com} → {@code shard_one};
     * {@code example.com}, {@code localhost} and IP addresses name no shard.
     */
    static ShardResolver subdomain() {
        return request -> {
            String host = request.host();
            if (host == null
                    || host.isEmpty()
                    || host.startsWith("[")
                    || host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
                return Optional.empty();
            }
            String[] labels = host.split("\\.", -1);
            return labels.length >= 3 && !labels[0].isEmpty() ? Optional.of(labels[0]) : Optional.empty();
        };
    }

    /**
     * The label just before {@code baseDomain}: with {@code example.com}, {@code shard_one.example.com} → {@code
     * shard_one}; {@code example.com} itself names no shard.
     */
    static ShardResolver subdomain(String baseDomain) {
        String suffix = "." + Objects.requireNonNull(baseDomain, "baseDomain").toLowerCase(Locale.ROOT);
        return request -> {
            String host = request.host();
            if (host == null || !host.endsWith(suffix) || host.length() == suffix.length()) {
                return Optional.empty();
            }
            String rest = host.substring(0, host.length() - suffix.length());
            return Optional.of(rest.substring(rest.lastIndexOf('.') + 1)).filter(label -> !label.isEmpty());
        };
    }

    /** The first segment of the path: {@code /shard_one/trips} → {@code shard_one}; {@code /} names no shard. */
    static ShardResolver pathPrefix() {
        return request -> {
            String path = request.path();
            if (path == null || !path.startsWith("/")) {
                return Optional.empty();
            }
            int end = path.indexOf('/', 1);
            String segment = end < 0 ? path.substring(1) : path.substring(1, end);
            return segment.isEmpty() ? Optional.empty() : Optional.of(segment);
        };
    }
}
