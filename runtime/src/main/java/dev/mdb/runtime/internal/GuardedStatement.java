package dev.mdb.runtime.internal;

import dev.mdb.runtime.JdbcTarget;
import dev.mdb.runtime.ReadOnlyViolationException;
import dev.mdb.runtime.ResolvedTarget;
import dev.mdb.runtime.RoutingDataSource;
import dev.mdb.runtime.sql.SqlPreview;
import dev.mdb.runtime.sql.StatementKind;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Guards a statement on a connection whose route prevents writes: the text is classified before it is sent (update
 * and batch methods count as writes whatever the text says), and a read-only error from the server is rethrown as
 * {@link ReadOnlyViolationException}.
 */
final class GuardedStatement implements InvocationHandler {
    private static final Set<String> EXECUTE =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");
    private static final Set<String> WRITE_METHODS =
            Set.of("executeUpdate", "executeLargeUpdate", "addBatch", "executeBatch", "executeLargeBatch");
    private final Statement delegate;
    private final String preparedSql;
    private final Connection logical;
    private final ResolvedTarget target;
    private final RoutingDataSource dataSource;

    private GuardedStatement(
            Statement delegate,
            String preparedSql,
            Connection logical,
            ResolvedTarget target,
            RoutingDataSource dataSource) {
        this.delegate = delegate;
        this.preparedSql = preparedSql;
        this.logical = logical;
        this.target = target;
        this.dataSource = dataSource;
    }

    static Statement wrap(
            Statement delegate, String sql, Connection logical, ResolvedTarget target, RoutingDataSource dataSource) {
        Class<?> type = delegate instanceof CallableStatement
                ? CallableStatement.class
                : delegate instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(
                GuardedStatement.class.getClassLoader(),
                new Class<?>[] {type},
                new GuardedStatement(delegate, sql, logical, target, dataSource));
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("getConnection")) {
            return logical;
        }
        if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(self)) {
            return self;
        }
        String sql = null;
        if (EXECUTE.contains(name) || WRITE_METHODS.contains(name)) {
            sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
            guard(sql, WRITE_METHODS.contains(name));
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sqlError && target.writesPrevented() && readOnlyError(sqlError)) {
                throw new ReadOnlyViolationException(SqlPreview.preview(sql == null ? "" : sql), sqlError);
            }
            if (ConnectionFailures.isConnectionFailure(cause)) {
                dataSource.failed(target, cause);
            }
            throw cause;
        }
    }

    private void guard(String sql, boolean writeMethod) throws ReadOnlyViolationException {
        if (!target.writesPrevented()) {
            if (dataSource.tracksWrites()
                    && (writeMethod
                            || (sql != null
                                    && dataSource
                                            .classifier(target.entry())
                                            .classify(sql)
                                            .refusedWhenPreventingWrites()))) {
                dataSource.wrote(target);
            }
            return;
        }
        if (sql == null) {
            if (writeMethod) {
                throw new ReadOnlyViolationException("(batch)");
            }
            return;
        }
        StatementKind kind = dataSource.classifier(target.entry()).classify(sql);
        if (writeMethod || kind.refusedWhenPreventingWrites()) {
            throw new ReadOnlyViolationException(SqlPreview.preview(sql));
        }
    }

    private boolean readOnlyError(SQLException e) {
        JdbcTarget jdbc = dataSource.target(target.entry());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && jdbc.isReadOnlyError(s)) {
                return true;
            }
        }
        return false;
    }
}
