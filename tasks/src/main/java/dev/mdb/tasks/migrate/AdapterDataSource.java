package dev.mdb.tasks.migrate;

import dev.mdb.tasks.spi.AdapterTasks;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Hands Flyway connections opened by the adapter, so credentials never travel in a URL. */
final class AdapterDataSource implements DataSource {
    private final AdapterTasks adapter;

    AdapterDataSource(AdapterTasks adapter) {
        this.adapter = adapter;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return adapter.connect();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return adapter.connect();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
