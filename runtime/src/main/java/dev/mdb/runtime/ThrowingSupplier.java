package dev.mdb.runtime;

/** A body returning a value; its checked exception type passes through unchanged. */
@FunctionalInterface
public interface ThrowingSupplier<T, E extends Exception> {
    T get() throws E;
}
