package dev.mdb.testsupport;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a database server listens and whom to log in as. {@code password} is {@code null} when the server needs none;
 * {@code maintenanceDatabase} is the database administrative connections use (empty: none).
 */
record ServerAddress(String host, int port, String username, String password, String maintenanceDatabase) {

    private static final Pattern URL_PASSWORD = Pattern.compile("(//[^/:@]*:)[^@/]*@");

    ServerAddress {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(maintenanceDatabase, "maintenanceDatabase");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (password != null && password.isEmpty()) {
            password = null;
        }
    }

    /**
     * Parses a URL such as {@code postgresql://postgres@127.0.0.1:5432/postgres} or {@code mysql://root:secret@db:3306/}
     * (a leading {@code jdbc:} is accepted). Missing parts take the engine's defaults; query parameters are ignored.
     *
     * @throws IllegalArgumentException naming what is wrong, without the password
     */
    static ServerAddress parse(Engine engine, String url) {
        String text = url.strip();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!engine.urlSchemes().contains(scheme)) {
            throw new IllegalArgumentException("the scheme must be one of " + engine.urlSchemes() + " for "
                    + engine.displayName() + ", not '" + scheme + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("no host (expected e.g. " + engine.exampleUrl() + ")");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? engine.defaultPort() : uri.getPort();
        String username = engine.defaultUsername();
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty()) {
            database = engine.maintenanceDatabase();
        }
        return new ServerAddress(host, port, username, password, database);
    }

    /** Replaces the password in a URL with {@code ***}, for messages. */
    static String redact(String url) {
        return URL_PASSWORD.matcher(url).replaceAll("$1***@");
    }

    /** {@code host:port}, with IPv6 hosts in brackets. */
    String hostAndPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static String decode(String text) {
        // URLDecoder is for forms, where '+' means space; in a URL's user info it is a literal plus.
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return username + (password == null ? "" : ":***") + "@" + hostAndPort() + "/" + maintenanceDatabase;
    }
}
