package dev.mdb.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A request and response in memory, for unit tests of contexts and resolvers. */
final class FakeExchange implements RequestView, ResponseView {
    private final String method;
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, String> cookies = new HashMap<>();
    private final List<String[]> responseHeaders = new ArrayList<>();
    private String host = "localhost";
    private String path = "/";
    private Map<String, Object> session;
    private int sessionWrites;

    FakeExchange(String method) {
        this.method = method;
    }

    FakeExchange header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    FakeExchange cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    FakeExchange host(String host) {
        this.host = host;
        return this;
    }

    FakeExchange path(String path) {
        this.path = path;
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String path() {
        return path;
    }

    /** Gives the request a session (as if its session cookie was sent) holding {@code attributes}. */
    FakeExchange session(Map<String, Object> attributes) {
        this.session = new HashMap<>(attributes);
        return this;
    }

    /** How many times a session attribute was set or removed. */
    int sessionWrites() {
        return sessionWrites;
    }

    /** The session's attributes, or null when the request has none. */
    Map<String, Object> sessionAttributes() {
        return session;
    }

    @Override
    public Optional<SessionView> session(boolean create) {
        if (session == null && create) {
            session = new HashMap<>();
        }
        if (session == null) {
            return Optional.empty();
        }
        Map<String, Object> attributes = session;
        return Optional.of(new SessionView() {
            @Override
            public Object attribute(String name) {
                return attributes.get(name);
            }

            @Override
            public void attribute(String name, Object value) {
                sessionWrites++;
                if (value == null) {
                    attributes.remove(name);
                } else {
                    attributes.put(name, value);
                }
            }
        });
    }

    @Override
    public void addHeader(String name, String value) {
        responseHeaders.add(new String[] {name, value});
    }

    @Override
    public void setHeader(String name, String value) {
        responseHeaders.removeIf(header -> header[0].equalsIgnoreCase(name));
        addHeader(name, value);
    }

    /** Values of response header {@code name}, in order. */
    List<String> responseHeaders(String name) {
        return responseHeaders.stream()
                .filter(header -> header[0].equalsIgnoreCase(name))
                .map(header -> header[1])
                .toList();
    }

    /** The value of the response's {@code Set-Cookie} for {@code name} (without attributes), or null. */
    String cookieSet(String name) {
        return responseHeaders("Set-Cookie").stream()
                .filter(value -> value.startsWith(name + "="))
                .map(value -> value.substring(name.length() + 1, value.indexOf(';')))
                .findFirst()
                .orElse(null);
    }
}
