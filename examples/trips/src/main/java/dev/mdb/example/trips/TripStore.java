package dev.mdb.example.trips;

import dev.mdb.runtime.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The SQL of the example, through mdb's routing data source: the route the request runs under (writing for POST,
 * reading for GET) decides the server. Every statement starts with a comment marker ({@code trips:list} and the like,
 * plus {@code trace=...} when the request gave one) so a statement log shows which server ran it.
 */
final class TripStore {
    /** How many trips a list returns at most, newest first. */
    static final int LIMIT = 50;

    private static final Pattern TRACE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final DataSource dataSource;
    private final Dialect dialect;

    TripStore(DataSource dataSource, Dialect dialect) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** A list of trips and the server that read them, in one statement (so one server answered both). */
    record Listing(ServedBy servedBy, List<Trip> trips) {}

    /** A new trip and the server that stored it. */
    record Created(Trip trip, ServedBy servedBy) {}

    /** Inserts a trip named {@code name}, then asks the server that ran the insert who it is. */
    Created create(String name, String trace) throws SQLException {
        String id = UUID.randomUUID().toString();
        String marker = marker("trips:create", trace);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    marker + " INSERT INTO trips (id, name, created_at) VALUES (?, ?, " + now() + ")")) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.executeUpdate();
            }
            try (PreparedStatement read = connection.prepareStatement(
                    marker + " SELECT id, name, created_at, " + serverColumns() + " FROM trips WHERE id = ?")) {
                read.setString(1, id);
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("the trip " + id + " just inserted was not found");
                    }
                    return new Created(
                            new Trip(row.getString(1), row.getString(2), row.getString(3)), servedBy(row, 4));
                }
            }
        }
    }

    /**
     * The newest trips, with the server that read them: one statement, so a read that the runtime retries on another
     * replica (one went away) still reports the server that really answered.
     */
    Listing list(String trace) throws SQLException {
        String sql = marker("trips:list", trace) + " SELECT s.server_port, s.standby, t.id, t.name, t.created_at"
                + " FROM (SELECT " + serverColumns() + ") s"
                + " LEFT JOIN (SELECT id, name, created_at FROM trips ORDER BY created_at DESC, id DESC LIMIT "
                + LIMIT + ") t ON 1 = 1"
                + " ORDER BY t.created_at DESC, t.id DESC";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            ServedBy servedBy = null;
            List<Trip> trips = new ArrayList<>();
            while (rows.next()) {
                servedBy = servedBy == null ? servedBy(rows, 1) : servedBy;
                if (rows.getString(3) != null) {
                    trips.add(new Trip(rows.getString(3), rows.getString(4), rows.getString(5)));
                }
            }
            return new Listing(servedBy, trips);
        }
    }

    /** The SQL comment {@code name} or {@code name trace=T}; a trace that isn't a plain token is left out. */
    static String marker(String name, String trace) {
        boolean traced = trace != null && TRACE.matcher(trace).matches();
        return "/* " + name + (traced ? " trace=" + trace : "") + " */";
    }

    /** Two columns, {@code server_port} and {@code standby}: who the server says it is. */
    private String serverColumns() {
        return switch (dialect) {
            case POSTGRESQL -> "inet_server_port() AS server_port, pg_is_in_recovery() AS standby";
            case MYSQL -> "@@port AS server_port, @@read_only = 1 AS standby";
            case SQLITE, GENERIC -> "NULL AS server_port, NULL AS standby";
        };
    }

    /** The current time as a column value; SQLite's {@code CURRENT_TIMESTAMP} has whole seconds only. */
    private String now() {
        return dialect == Dialect.SQLITE ? "strftime('%Y-%m-%d %H:%M:%f', 'now')" : "CURRENT_TIMESTAMP";
    }

    private ServedBy servedBy(ResultSet row, int column) throws SQLException {
        int port = row.getInt(column);
        Integer serverPort = row.wasNull() ? null : port;
        boolean standby = row.getBoolean(column + 1);
        Boolean inRecovery = row.wasNull() ? null : standby;
        return new ServedBy(dialect.name().toLowerCase(Locale.ROOT), serverPort, inRecovery);
    }
}
