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

CREATE TABLE posts (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    title VARCHAR(255) NOT NULL,
    body TEXT,
    created_at TIMESTAMP,
    CONSTRAINT fk_posts_user_id FOREIGN KEY (user_id) REFERENCES users (id)
);

CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    created_at TIMESTAMP
, email VARCHAR(255));

CREATE INDEX "flyway_schema_history_s_idx" ON "flyway_schema_history" ("success");

CREATE INDEX index_posts_on_user_id ON posts (user_id);

-- Applied migrations: a database loaded from this file is up to them.
INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) VALUES
(1, '20261101090000', 'create users', 'SQL', 'V20261101090000__create_users.sql', 148674425, 'mdb', 0, TRUE),
(2, '20261102090000', 'add email to users', 'SQL', 'V20261102090000__add_email_to_users.sql', 898806572, 'mdb', 0, TRUE),
(3, '20261103090000', 'create posts', 'SQL', 'V20261103090000__create_posts.sql', -282197752, 'mdb', 0, TRUE);

