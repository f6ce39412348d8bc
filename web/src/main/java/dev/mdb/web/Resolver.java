package dev.mdb.web;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a request is a reading request (replicas, writes prevented) or a writing one (primary, writes
 * recorded for the client), Rails' {@code Resolver#reading_request?}. Replaceable: a lambda can, for example, treat
 * {@code POST /search} as reading.
 */
@FunctionalInterface
public interface Resolver {
    /** Whether {@code request} only reads. */
    boolean isReadingRequest(RequestView request);

    /** Rails' rule: GET and HEAD read, every other method writes. */
    static Resolver safeMethods() {
        return safeMethods(false);
    }

    /** GET and HEAD read, and OPTIONS too with {@code treatOptionsAsRead}; every other method writes. */
    static Resolver safeMethods(boolean treatOptionsAsRead) {
        Set<String> reading = treatOptionsAsRead ? Set.of("GET", "HEAD", "OPTIONS") : Set.of("GET", "HEAD");
        return request -> reading.contains(request.method().toUpperCase(Locale.ROOT));
    }
}
