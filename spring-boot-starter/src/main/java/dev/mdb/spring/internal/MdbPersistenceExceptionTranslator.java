package dev.mdb.spring.internal;

import dev.mdb.runtime.ReadOnlyViolationException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * For {@code @Repository} beans: a runtime exception caused by mdb's {@link ReadOnlyViolationException} becomes {@link
 * dev.mdb.spring.MdbWriteRefusedException}; anything else is left to the other translators.
 */
public final class MdbPersistenceExceptionTranslator implements PersistenceExceptionTranslator {
    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (ex instanceof DataAccessException) {
            return null;
        }
        ReadOnlyViolationException refused = WriteRefusals.find(ex);
        return refused == null ? null : WriteRefusals.translate(null, refused);
    }
}
