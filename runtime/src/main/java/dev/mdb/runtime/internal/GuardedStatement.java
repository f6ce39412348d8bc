package dev.mdb.runtime.internal;

import dev.mdb.runtime.ReadOnlyViolationException;
import dev.mdb.runtime.ResolvedTarget;
import dev.mdb.runtime.RoutingDataSource;
import dev.mdb.runtime.engine.Engine;
import dev.mdb.runtime.sql.SqlPreview;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Guards a statement on a connection whose route prevents writes: the text is classified before it is sent, whichever
 * method sends it ({@code executeUpdate("SET TRANSACTION READ ONLY")}, as Spring's read-only enforcement issues it, is
 * a session statement and allowed; {@code executeUpdate("SELECT 1")} is a read), and a read-only error from the server
 * is rethrown as {@link ReadOnlyViolationException}. A batch is judged by the statements added to it: each {@code
 * addBatch(sql)} is classified when added, a prepared batch by its SQL.
 */
final class GuardedStatement implements InvocationHandler {
    private static final Set<String> EXECUTE =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");
    private static final Set<String> BATCH_METHODS = Set.of("executeBatch", "executeLargeBatch");
    private static final Set<String> RETRYABLE = Set.of("execute", "executeQuery");
    private final String preparedSql;
    private final Connection logical;
    private final RoutedConnection owner;
    private final RoutingDataSource dataSource;
    private final Method create;
    private final Object[] createArgs;
    private final List<Object[]> settings = new ArrayList<>();
    private Statement delegate;
    private ResolvedTarget target;
    /** Whether a statement added to the current batch writes (recorded for read-your-writes when it runs). */
    private boolean batchWrites;

    private GuardedStatement(
            Statement delegate, String preparedSql, RoutedConnection owner, Method create, Object[] createArgs) {
        this.delegate = delegate;
        this.preparedSql = preparedSql;
        this.owner = owner;
        this.logical = owner.proxy();
        this.target = owner.target();
        this.dataSource = owner.dataSource();
        this.create = create;
        this.createArgs = createArgs;
    }

    static Statement wrap(Statement delegate, String sql, RoutedConnection owner, Method create, Object[] args) {
        Class<?> type = delegate instanceof CallableStatement
                ? CallableStatement.class
                : delegate instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(
                GuardedStatement.class.getClassLoader(),
                new Class<?>[] {type},
                new GuardedStatement(delegate, sql, owner, create, args));
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
        if (EXECUTE.contains(name)) {
            sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
            guard(sql, name.equals("addBatch"));
        } else if (BATCH_METHODS.contains(name)) {
            sql = preparedSql;
            if (batchWrites && !target.writesPrevented() && dataSource.tracksWrites()) {
                dataSource.wrote(target);
            }
            batchWrites = false; // the batch is emptied by running it
        } else if (name.equals("clearBatch")) {
            batchWrites = false;
        }
        if (name.startsWith("set") || name.equals("clearParameters")) {
            settings.add(new Object[] {method, args});
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
                if (RETRYABLE.contains(name)) {
                    Object retried = retry(method, args, cause);
                    if (retried != NOT_RETRIED) {
                        return retried;
                    }
                }
            }
            throw cause;
        }
    }

    private static final Object NOT_RETRIED = new Object();

    /**
     * A read on a replica whose connection broke, outside a transaction, runs once more on a fresh choice (another
     * replica, or the primary): the statement is created again and its recorded settings and parameters replayed.
     */
    private Object retry(Method method, Object[] args, Throwable failure) throws Throwable {
        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
        if (sql == null || dataSource.classifier(target.entry()).classify(sql).refusedWhenPreventingWrites()) {
            return NOT_RETRIED;
        }
        Statement fresh;
        try {
            fresh = owner.reopen(target, create, createArgs);
        } catch (SQLException again) {
            again.addSuppressed(failure);
            throw again;
        }
        if (fresh == null) {
            return NOT_RETRIED;
        }
        Statement broken = delegate;
        delegate = fresh;
        target = owner.target();
        try {
            broken.close();
        } catch (SQLException ignored) {
            // the connection is gone already
        }
        for (Object[] setting : settings) {
            ((Method) setting[0]).invoke(delegate, (Object[]) setting[1]);
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Refuses {@code sql} when the route prevents writes and it may write; otherwise notes a write for read-your-writes
     * (for a statement added to a batch: when the batch runs).
     */
    private void guard(String sql, boolean batched) throws ReadOnlyViolationException {
        if (sql == null || (!target.writesPrevented() && !dataSource.tracksWrites())) {
            return;
        }
        boolean writes = dataSource.classifier(target.entry()).classify(sql).refusedWhenPreventingWrites();
        if (!writes) {
            return;
        }
        if (target.writesPrevented()) {
            String preview = SqlPreview.preview(sql);
            dataSource.refused(target, preview);
            throw new ReadOnlyViolationException(preview);
        }
        if (batched) {
            batchWrites = true;
        } else if (dataSource.tracksWrites()) {
            dataSource.wrote(target);
        }
    }

    private boolean readOnlyError(SQLException e) {
        Engine engine = dataSource.target(target.entry()).engine();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && engine.isReadOnlyError(s)) {
                return true;
            }
        }
        return false;
    }
}
