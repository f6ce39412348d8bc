package dev.mdb.config.internal;

import dev.mdb.config.ConfigException;
import dev.mdb.config.ConfigKeys;
import dev.mdb.config.JdbcUrls;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a database URL into configuration keys the way Rails' {@code ConnectionUrlResolver} does: the scheme gives
 * the adapter, then user, password, host (IPv6 brackets stripped), port and path (the database); query parameters
 * become keys and win over those; blank values are dropped and everything is percent-decoded. {@code jdbc:},
 * {@code http:} and {@code https:} URLs are not parsed but kept verbatim as {@code url}.
 */
public final class DatabaseUrlParser {
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.*)", Pattern.DOTALL);
    private static final Map<String, String> ADAPTER_ALIASES =
            Map.of("postgres", "postgresql", "mysql", "mysql2", "sqlite", "sqlite3");
    /**
     * Adapters whose URL path is a file path, kept whole ({@code sqlite3:///abs/db.sqlite3} is {@code /abs/…}); for
     * the others the path after the authority is the database name, leading slash dropped. Rails'
     * {@code ConnectionUrlResolver} rule: URL grammar of database.yml, resolved before any engine is known.
     */
    private static final Set<String> FILE_PATH_ADAPTERS = Set.of("sqlite3");

    private static final Map<String, String> JDBC_ADAPTERS = Map.of(
            "jdbc:postgresql:", "postgresql",
            "jdbc:mysql:", "mysql2",
            "jdbc:mariadb:", "mariadb",
            "jdbc:sqlite:", "sqlite3",
            "jdbc:h2:", "h2");

    private DatabaseUrlParser() {}

    /** Whether {@code value} starts with a URL scheme ({@code postgres:}, {@code sqlite3:}, {@code jdbc:} ...). */
    public static boolean hasScheme(String value) {
        return value != null && SCHEME.matcher(value).matches();
    }

    /** {@code jdbc:}, {@code http:} and {@code https:} URLs are kept as they are, as Rails does. */
    public static boolean isVerbatim(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:") || lower.startsWith("http:") || lower.startsWith("https:");
    }

    /** The adapter a {@code jdbc:} URL implies ({@code jdbc:postgresql:} ⇒ {@code postgresql}), or null. */
    public static String inferAdapter(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return JDBC_ADAPTERS.entrySet().stream()
                .filter(entry -> lower.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /**
     * The keys {@code url} stands for. A verbatim URL yields {@code url} (and {@code adapter} when a {@code jdbc:}
     * URL implies one). {@code where} prefixes error messages, which never show the password.
     */
    public static Map<String, Object> parse(String url, String where) {
        return parse(url, where, true);
    }

    /** As {@link #parse(String, String)}; when {@code quote} is false, messages do not quote the URL at all. */
    static Map<String, Object> parse(String url, String where, boolean quote) {
        if (url.isBlank()) {
            throw new ConfigException(where + ": Database URL cannot be empty.");
        }
        Map<String, Object> keys = new LinkedHashMap<>();
        if (isVerbatim(url)) {
            String adapter = inferAdapter(url);
            if (adapter != null) {
                keys.put(ConfigKeys.ADAPTER, adapter);
            }
            keys.put(ConfigKeys.URL, url);
            return keys;
        }
        Matcher matcher = SCHEME.matcher(url);
        String scheme = matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
        String rest = withoutFragment(scheme == null ? url : matcher.group(2));
        String adapter = scheme == null ? null : adapterFor(scheme);
        if (scheme != null && !rest.startsWith("/")) {
            opaque(keys, rest, adapter);
        } else {
            hierarchical(keys, rest, adapter, new UrlContext(quote ? " '" + JdbcUrls.redact(url) + "'" : "", where));
        }
        keys.values().removeIf(value -> value == null || (value instanceof String s && s.isBlank()));
        keys.replaceAll((key, value) -> value instanceof String s ? percentDecode(s) : value);
        return keys;
    }

    /**
     * {@code settings} with the keys of {@code url} merged over them, as Rails' {@code UrlConfig} does: URL-derived keys
     * win, other siblings are kept; an adapter merely implied by a {@code jdbc:} URL never replaces a given one.
     */
    public static Map<String, Object> merge(Map<String, Object> settings, String url, String where) {
        return merge(settings, url, where, true);
    }

    /** As {@link #merge(Map, String, String)}; when {@code quote} is false, messages do not quote the URL at all. */
    static Map<String, Object> merge(Map<String, Object> settings, String url, String where, boolean quote) {
        Map<String, Object> derived = parse(url, where, quote);
        if (isVerbatim(url) && settings.get(ConfigKeys.ADAPTER) != null) {
            derived.remove(ConfigKeys.ADAPTER);
        }
        Map<String, Object> merged = new LinkedHashMap<>(settings);
        merged.remove(ConfigKeys.URL);
        merged.putAll(derived);
        return merged;
    }

    private static String adapterFor(String scheme) {
        String adapter = scheme.replace('-', '_');
        return ADAPTER_ALIASES.getOrDefault(adapter, adapter);
    }

    private static String withoutFragment(String rest) {
        int hash = rest.indexOf('#');
        return hash < 0 ? rest : rest.substring(0, hash);
    }

    /** {@code sqlite3:relative/path?x=1}: the whole opaque part is the database; it wins over the query. */
    private static void opaque(Map<String, Object> keys, String rest, String adapter) {
        int question = rest.indexOf('?');
        putQuery(keys, question < 0 ? null : rest.substring(question + 1));
        keys.put(ConfigKeys.ADAPTER, adapter);
        keys.put(ConfigKeys.DATABASE, question < 0 ? rest : rest.substring(0, question));
    }

    private static void hierarchical(Map<String, Object> keys, String rest, String adapter, UrlContext url) {
        String authority = null;
        String pathAndQuery = rest;
        if (rest.startsWith("//")) {
            int end = indexOfAny(rest, 2, "/?");
            authority = rest.substring(2, end);
            pathAndQuery = rest.substring(end);
        }
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        keys.put(ConfigKeys.ADAPTER, adapter);
        if (authority != null) {
            authority(keys, authority, url);
        }
        keys.put(
                ConfigKeys.DATABASE,
                (adapter != null && FILE_PATH_ADAPTERS.contains(adapter)) || !path.startsWith("/")
                        ? path
                        : path.substring(1));
        Map<String, Object> query = new LinkedHashMap<>();
        putQuery(query, question < 0 ? null : pathAndQuery.substring(question + 1));
        keys.putAll(query);
    }

    private static void authority(Map<String, Object> keys, String authority, UrlContext url) {
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            keys.put(ConfigKeys.USERNAME, colon < 0 ? userInfo : userInfo.substring(0, colon));
            keys.put(ConfigKeys.PASSWORD, colon < 0 ? null : userInfo.substring(colon + 1));
        }
        String host = hostPort;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || (close + 1 < hostPort.length() && hostPort.charAt(close + 1) != ':')) {
                throw url.invalid("the IPv6 host is not closed by ']'");
            }
            host = hostPort.substring(1, close);
            port = close + 1 < hostPort.length() ? hostPort.substring(close + 2) : null;
        } else if (hostPort.indexOf(':') >= 0) {
            host = hostPort.substring(0, hostPort.indexOf(':'));
            port = hostPort.substring(hostPort.indexOf(':') + 1);
        }
        keys.put(ConfigKeys.PORT, port(port, url));
        keys.put(ConfigKeys.HOST, host);
    }

    private static Integer port(String port, UrlContext url) {
        if (port == null || port.isEmpty()) {
            return null;
        }
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5) {
            throw url.invalid("the port is not a number");
        }
        return Integer.valueOf(port);
    }

    private static void putQuery(Map<String, Object> keys, String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String key = percentDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? null : pair.substring(equals + 1);
            if (!key.isEmpty()) {
                keys.put(key, ConfigKeys.PORT.equals(key) && isSmallNumber(value) ? Integer.valueOf(value) : value);
            }
        }
    }

    private static boolean isSmallNumber(String value) {
        return value != null
                && !value.isEmpty()
                && value.length() <= 5
                && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** Decodes {@code %XX} escapes as UTF-8 (a {@code +} stays a plus); a malformed escape is kept as written. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    /**
     * Where the URL being parsed came from and how messages show it: {@code shown} is empty or the URL quoted with its
     * password masked, after a space.
     */
    private record UrlContext(String shown, String where) {
        ConfigException invalid(String problem) {
            return new ConfigException(where + ": invalid database URL" + shown + ": " + problem
                    + ". Check the URL (percent-encode special characters in the user name and password).");
        }
    }
}
