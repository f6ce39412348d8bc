package dev.mdb.runtime.internal;

import dev.mdb.runtime.ResolvedTarget;
import dev.mdb.runtime.RoutingDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The logical connection handed out by {@link RoutingDataSource}: records settings until a physical connection is
 * needed, borrows it for the route current at that moment, keeps it for an open transaction, and re-chooses it
 * between statements otherwise. Statements it creates are guarded by {@link GuardedStatement}.
 */
public final class RoutedConnection implements InvocationHandler {
    private final RoutingDataSource dataSource;
    private Connection proxy;
    private Connection physical;
    private ResolvedTarget target;
    private boolean autoCommit = true;
    private boolean readOnly;
    private Integer isolation;
    private boolean inTransaction;
    private boolean closed;

    private RoutedConnection(RoutingDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Connection open(RoutingDataSource dataSource) {
        RoutedConnection handler = new RoutedConnection(dataSource);
        handler.proxy = (Connection) Proxy.newProxyInstance(
                RoutedConnection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        return handler.proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "equals" -> {
                return self == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(self);
            }
            case "toString" -> {
                return "RoutedConnection[" + dataSource.group() + (target == null ? "" : " -> " + target.entry()) + "]";
            }
            case "isClosed" -> {
                return closed;
            }
            case "close" -> {
                close();
                return null;
            }
            case "getAutoCommit" -> {
                return autoCommit;
            }
            case "setAutoCommit" -> {
                setAutoCommit((Boolean) args[0]);
                return null;
            }
            case "isReadOnly" -> {
                return readOnly || (target != null && target.writesPrevented());
            }
            case "setReadOnly" -> {
                setReadOnly((Boolean) args[0]);
                return null;
            }
            case "commit", "rollback" -> {
                if (args == null || args.length == 0) {
                    endTransaction(name);
                    return null;
                }
            }
            case "setTransactionIsolation" -> isolation = (Integer) args[0];
            case "unwrap" -> {
                return ((Class<?>) args[0]).isInstance(self) ? self : physical().unwrap((Class<?>) args[0]);
            }
            case "isWrapperFor" -> {
                return ((Class<?>) args[0]).isInstance(self) || physical().isWrapperFor((Class<?>) args[0]);
            }
            default -> {
                // everything else goes to the physical connection below
            }
        }
        requireOpen();
        Connection connection = physical();
        Object result = call(connection, method, args);
        if (result instanceof Statement statement) {
            beginTransactionIfNeeded();
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            return GuardedStatement.wrap(statement, sql, this, method, args);
        }
        return result;
    }

    private static Object call(Connection connection, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void requireOpen() throws SQLException {
        if (closed) {
            throw new SQLException("connection is closed", "08003");
        }
    }

    /** The physical connection for the current route: kept inside a transaction, re-chosen outside. */
    private Connection physical() throws SQLException {
        requireOpen();
        if (physical != null && inTransaction) {
            return physical;
        }
        boolean readOnlyTransaction = readOnly && !autoCommit;
        if (physical != null && dataSource.stillServes(target, readOnlyTransaction)) {
            return physical;
        }
        releasePhysical();
        ResolvedTarget wanted = dataSource.resolve(readOnlyTransaction);
        Connection borrowed;
        try {
            borrowed = dataSource.acquire(wanted);
        } catch (SQLException e) {
            if (!ConnectionFailures.isConnectionFailure(e) || wanted.reason() != ResolvedTarget.Reason.REPLICA) {
                throw e;
            }
            // The replica can't be reached: take it out and choose again (another replica or the primary).
            dataSource.failed(wanted, e);
            wanted = dataSource.resolve(readOnlyTransaction);
            borrowed = dataSource.acquire(wanted);
        }
        try {
            if (isolation != null) {
                borrowed.setTransactionIsolation(isolation);
            }
            borrowed.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            dataSource.release(wanted, borrowed);
            throw e;
        }
        physical = borrowed;
        target = wanted;
        return physical;
    }

    private void beginTransactionIfNeeded() {
        if (!autoCommit && !inTransaction) {
            inTransaction = true;
            dataSource.transactionOpened();
        }
    }

    private void endTransaction(String how) throws SQLException {
        try {
            if (physical != null) {
                if (how.equals("commit")) {
                    physical.commit();
                } else {
                    physical.rollback();
                }
            }
        } finally {
            markTransactionEnded();
        }
    }

    private void markTransactionEnded() {
        if (inTransaction) {
            inTransaction = false;
            dataSource.transactionClosed();
        }
    }

    private void setAutoCommit(boolean value) throws SQLException {
        if (value == autoCommit) {
            return;
        }
        autoCommit = value;
        if (physical != null) {
            physical.setAutoCommit(value);
        }
        if (value) {
            markTransactionEnded();
        }
    }

    private void setReadOnly(boolean value) throws SQLException {
        if (inTransaction && value != readOnly) {
            throw new SQLException("can't change read-only while a transaction is open", "25001");
        }
        readOnly = value;
    }

    private void releasePhysical() throws SQLException {
        if (physical != null) {
            Connection p = physical;
            ResolvedTarget t = target;
            physical = null;
            dataSource.release(t, p);
        }
    }

    private void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            releasePhysical();
        } finally {
            markTransactionEnded();
        }
    }

    /**
     * After a connection failure on a replica outside a transaction: drops the broken physical connection, chooses
     * again (the failed replica is out of rotation by now), and creates the statement anew with {@code create}, or
     * returns null when the work can't be retried (in a transaction, or not on a replica).
     */
    Statement reopen(ResolvedTarget failed, Method create, Object[] args) throws Throwable {
        if (inTransaction
                || !autoCommit
                || !failed.equals(target)
                || failed.reason() != ResolvedTarget.Reason.REPLICA) {
            return null;
        }
        Connection broken = physical;
        physical = null;
        target = null;
        try {
            dataSource.release(failed, broken);
        } catch (SQLException e) {
            // it is broken; the pool evicts it
        }
        return (Statement) call(physical(), create, args);
    }

    Connection proxy() {
        return proxy;
    }

    RoutingDataSource dataSource() {
        return dataSource;
    }

    /** The target a logical connection uses now, or null before its first statement or for other connections. */
    public static ResolvedTarget targetOf(Connection logical) {
        if (logical != null
                && Proxy.isProxyClass(logical.getClass())
                && Proxy.getInvocationHandler(logical) instanceof RoutedConnection routed) {
            return routed.target;
        }
        return null;
    }

    /** The target of the physical connection, or null before first use. */
    ResolvedTarget target() {
        return target;
    }
}
