package dev.mdb.web;

/** The attributes of an HTTP session, as {@link SessionResolverContext} uses them. */
public interface SessionView {
    /** The attribute {@code name}, or null. */
    Object attribute(String name);

    /** Sets attribute {@code name}; a null {@code value} removes it. */
    void attribute(String name, Object value);
}
