package dev.mdb.web;

/**
 * What the selectors write on an HTTP response: headers (cookies are {@code Set-Cookie} headers). Calls are made before
 * the response commits; see {@link DatabaseSelection#commit(ResponseView)}.
 */
public interface ResponseView {
    /** Adds a value to header {@code name}. */
    void addHeader(String name, String value);

    /** Sets header {@code name} to {@code value}, replacing earlier values. */
    void setHeader(String name, String value);

    /** Whether the status and headers were already sent (then headers added now are lost). */
    default boolean isCommitted() {
        return false;
    }
}
