package dev.mdb.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.runtime.ReadOnlyViolationException;
import dev.mdb.spring.internal.MdbPersistenceExceptionTranslator;
import dev.mdb.spring.internal.MdbSqlExceptionTranslator;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;

class MdbSqlExceptionTranslatorTest {
    private final MdbSqlExceptionTranslator translator = new MdbSqlExceptionTranslator(
            (task, sql, ex) -> new DataIntegrityViolationException("delegate: " + ex.getMessage(), ex));

    @Test
    void translate_readOnlyViolation_isMdbWriteRefused() {
        DataAccessException translated = translator.translate(
                "StatementCallback", "UPDATE trips", new ReadOnlyViolationException("UPDATE trips"));
        assertThat(translated)
                .isInstanceOf(MdbWriteRefusedException.class)
                .hasMessage("StatementCallback: Write query attempted while in readonly mode: UPDATE trips");
        assertThat(((MdbWriteRefusedException) translated).getCause().getSQLState())
                .isEqualTo("25006");
    }

    @Test
    void translate_readOnlyViolationAsCause_isMdbWriteRefused() {
        SQLException wrapped = new SQLException("batch failed", new ReadOnlyViolationException("DELETE FROM trips"));
        assertThat(translator.translate("batch", "DELETE FROM trips", wrapped))
                .isInstanceOf(MdbWriteRefusedException.class);
    }

    @Test
    void translate_otherSqlException_goesToDelegate() {
        assertThat(translator.translate("insert", "INSERT", new SQLException("duplicate", "23505")))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessage("delegate: duplicate");
    }

    @Test
    void persistenceTranslator_refusalInCauseChain_isTranslated_otherwiseNull() {
        MdbPersistenceExceptionTranslator persistence = new MdbPersistenceExceptionTranslator();
        assertThat(persistence.translateExceptionIfPossible(
                        new IllegalStateException(new ReadOnlyViolationException("UPDATE trips"))))
                .isInstanceOf(MdbWriteRefusedException.class);
        assertThat(persistence.translateExceptionIfPossible(new IllegalStateException(new SQLException("other"))))
                .isNull();
        assertThat(persistence.translateExceptionIfPossible(new QueryTimeoutException("slow")))
                .isNull();
    }
}
