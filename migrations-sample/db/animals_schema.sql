-- Schema of an mdb database (schema_format: sql, adapter: sqlite3).
-- Written by `mdb db:schema:dump`; change the database with a migration, not here.

CREATE TABLE cats (
    id BIGINT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    lives INTEGER NOT NULL DEFAULT 9,
    created_at TIMESTAMP
);

CREATE TABLE dogs (
    id BIGINT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    good_boy BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP
);

CREATE TABLE "flyway_schema_history" (
    "installed_rank" INT NOT NULL PRIMARY KEY,
    "version" VARCHAR(50),
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INT,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    "execution_time" INT NOT NULL,
    "success" BOOLEAN NOT NULL
);

CREATE INDEX "flyway_schema_history_s_idx" ON "flyway_schema_history" ("success");

-- Applied migrations: a database loaded from this file is up to them.
INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) VALUES
(1, '20261101100000', 'create dogs', 'SQL', 'V20261101100000__create_dogs.sql', -1038358824, 'mdb', 0, TRUE),
(2, '20261104100000', 'create cats', 'SQL', 'V20261104100000__create_cats.sql', 1872439252, 'mdb', 0, TRUE);

