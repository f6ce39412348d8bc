package dev.mdb.example.trips;

/**
 * The database server that ran a statement, as it says itself: PostgreSQL's {@code inet_server_port()} and {@code
 * pg_is_in_recovery()}, MySQL's {@code @@port} and {@code @@read_only}; SQLite has no server ({@code port} and {@code
 * standby} null).
 */
record ServedBy(String engine, Integer port, Boolean standby) {
    String toJson() {
        return "{\"engine\": " + Json.quote(engine) + ", \"port\": " + port + ", \"standby\": " + standby + "}";
    }
}
