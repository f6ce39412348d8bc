package dev.mdb.spring;

import dev.mdb.runtime.ReadOnlyViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A write refused because the current route prevents writes (a reading role, {@code preventWrites}, a reading web
 * request in strict mode): Spring's form of {@link ReadOnlyViolationException}, which it keeps as the cause. It is an
 * {@link InvalidDataAccessApiUsageException}: non-transient (a retry on the same route is refused again) and caused by
 * how the application routed the work, not by the data (not a {@code DataIntegrityViolationException}), the SQL (not
 * {@code BadSqlGrammarException}) or the database user's grants ({@code PermissionDeniedDataAccessException}): the
 * statement usually never reached the server.
 */
public class MdbWriteRefusedException extends InvalidDataAccessApiUsageException {
    private static final long serialVersionUID = 1L;

    public MdbWriteRefusedException(String message, ReadOnlyViolationException cause) {
        super(message, cause);
    }

    /** The refusal as the runtime reported it (SQLState 25006). */
    @Override
    public ReadOnlyViolationException getCause() {
        return (ReadOnlyViolationException) super.getCause();
    }
}
