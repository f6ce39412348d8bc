package dev.mdb.web;

import java.util.Optional;

/**
 * What the selectors need to know about an HTTP request, independent of the web framework. {@link
 * DatabaseSelectorFilter} and {@link ShardSelectorFilter} adapt a servlet request; other frameworks implement this
 * interface over their own request type.
 */
public interface RequestView {
    /** The HTTP method, upper case as sent ({@code GET}, {@code POST}). */
    String method();

    /** The first value of header {@code name} (case-insensitive), if sent. */
    Optional<String> header(String name);

    /** The value of the first cookie named {@code name}, if sent. */
    Optional<String> cookie(String name);

    /** The host name the request was sent to, without port, lower case ({@code shard_one.example.com}). */
    String host();

    /** The path inside the application, decoded, starting with {@code /} ({@code /shard_one/trips}). */
    String path();

    /**
     * The request's session; with {@code create}, a new one when there is none. Empty when the framework has no
     * sessions (the default), or when there is none and {@code create} is false.
     */
    default Optional<SessionView> session(boolean create) {
        return Optional.empty();
    }
}
