package dev.mdb.spring.internal;

import dev.mdb.runtime.ReadOnlyViolationException;
import java.sql.SQLException;
import java.util.Objects;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Turns mdb's {@link ReadOnlyViolationException} (SQLState 25006) into {@link
 * dev.mdb.spring.MdbWriteRefusedException} and hands every other {@link SQLException} to the translator it wraps
 * (Spring's default for the {@code JdbcTemplate}).
 */
public final class MdbSqlExceptionTranslator implements SQLExceptionTranslator {
    private final SQLExceptionTranslator delegate;

    public MdbSqlExceptionTranslator(SQLExceptionTranslator delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public DataAccessException translate(String task, String sql, SQLException ex) {
        ReadOnlyViolationException refused = WriteRefusals.find(ex);
        if (refused != null) {
            return WriteRefusals.translate(task, refused);
        }
        return delegate.translate(task, sql, ex);
    }

    public SQLExceptionTranslator delegate() {
        return delegate;
    }
}
