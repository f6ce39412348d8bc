-- CreateTrips. Portable SQL: the same file runs on SQLite (development) and PostgreSQL (cluster).
-- The id is a UUID the application generates, so no engine-specific identity column is needed.
CREATE TABLE trips (
    id VARCHAR(36) PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX index_trips_on_created_at ON trips (created_at);
