package dev.mdb.tasks.adapter.postgresql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs all the dump's catalog queries in one round trip and hands out their results in order. The server works
 * through them back to back instead of waiting while the client reads each result (the JDBC driver receives every
 * result before {@code execute} returns), which is most of what a dump costs.
 */
final class PgBatch implements AutoCloseable {

    /** Maps one result row. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Statement statement;
    private final int queries;
    private int consumed;

    /** Sends {@code queries} (each a single SELECT, no trailing semicolon) and waits for all their results. */
    PgBatch(Connection connection, List<String> queries) throws SQLException {
        this.statement = connection.createStatement();
        this.queries = queries.size();
        try {
            statement.execute(String.join(";\n", queries));
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** Maps every row of the next query's result. */
    <T> List<T> next(Row<T> row) throws SQLException {
        if (consumed >= queries) {
            throw new IllegalStateException("all " + queries + " results of the batch were read already");
        }
        if (consumed++ > 0 && !statement.getMoreResults()) {
            throw new IllegalStateException("the batch returned fewer results than its " + queries + " queries");
        }
        List<T> out = new ArrayList<>();
        try (ResultSet rs = statement.getResultSet()) {
            while (rs.next()) {
                out.add(row.map(rs));
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
