-- Seeds for the primary database (db:seed, and db:prepare after it creates the database).
-- Portable SQL, explicit ids: the tables have no auto-increment so the same file runs on every engine.
INSERT INTO users (id, name, email, created_at) VALUES (1, 'Alice', 'alice@example.com', CURRENT_TIMESTAMP);
INSERT INTO users (id, name, email, created_at) VALUES (2, 'Bob', 'bob@example.com', CURRENT_TIMESTAMP);
INSERT INTO posts (id, user_id, title, body, created_at)
    VALUES (1, 1, 'Hello, multiple databases', 'Posts live in the primary database.', CURRENT_TIMESTAMP);
