-- Schema of an mdb database (schema_format: sql, adapter: sqlite3).
-- Written by `mdb db:schema:dump`; change the database with a migration, not here.

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

CREATE TABLE orders (
    id BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    total_cents BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP
);

CREATE INDEX "flyway_schema_history_s_idx" ON "flyway_schema_history" ("success");

CREATE INDEX index_orders_on_customer_id ON orders (customer_id);

-- Applied migrations: a database loaded from this file is up to them.
INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) VALUES
(1, '20261101110000', 'create orders', 'SQL', 'V20261101110000__create_orders.sql', -753848061, 'mdb', 0, TRUE);

