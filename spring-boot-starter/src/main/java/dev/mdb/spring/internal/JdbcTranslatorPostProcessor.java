package dev.mdb.spring.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.support.JdbcAccessor;

/** Wraps the exception translator of every {@link JdbcAccessor} ({@code JdbcTemplate}) in a {@link MdbSqlExceptionTranslator}. */
public final class JdbcTranslatorPostProcessor implements BeanPostProcessor {
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JdbcAccessor accessor
                && !(accessor.getExceptionTranslator() instanceof MdbSqlExceptionTranslator)) {
            accessor.setExceptionTranslator(new MdbSqlExceptionTranslator(accessor.getExceptionTranslator()));
        }
        return bean;
    }
}
