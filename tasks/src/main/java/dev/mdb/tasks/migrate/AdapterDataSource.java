package dev.mdb.tasks.migrate;

import dev.mdb.runtime.DataSourceSupport;
import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.Connection;
import java.sql.SQLException;

/** Hands Flyway connections opened by the adapter, so credentials never travel in a URL. */
final class AdapterDataSource extends DataSourceSupport {
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
}
