-- CreateUsers (primary database, db/migrate).
-- Portable SQL: the same file runs on SQLite, PostgreSQL and MariaDB. Ids are plain BIGINT keys (not SQLite's
-- AUTOINCREMENT, PostgreSQL's identity or MariaDB's AUTO_INCREMENT), so inserts name the id explicitly.
CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    created_at TIMESTAMP
);
