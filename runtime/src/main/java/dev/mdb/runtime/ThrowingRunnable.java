package dev.mdb.runtime;

/** A body returning nothing; its checked exception type passes through unchanged. */
@FunctionalInterface
public interface ThrowingRunnable<E extends Exception> {
    void run() throws E;
}
