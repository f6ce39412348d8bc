package dev.mdb.spring.internal;

import dev.mdb.runtime.ReadOnlyViolationException;
import dev.mdb.spring.MdbWriteRefusedException;
import java.sql.SQLException;

/** Finds a {@link ReadOnlyViolationException} in a cause chain and makes the Spring exception of it. */
final class WriteRefusals {
    private WriteRefusals() {}

    static ReadOnlyViolationException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ReadOnlyViolationException refused) {
                return refused;
            }
            if (t instanceof SQLException sql && sql.getNextException() instanceof ReadOnlyViolationException next) {
                return next;
            }
        }
        return null;
    }

    static MdbWriteRefusedException translate(String task, ReadOnlyViolationException refused) {
        String message = refused.getMessage();
        return new MdbWriteRefusedException(task == null ? message : task + ": " + message, refused);
    }
}
