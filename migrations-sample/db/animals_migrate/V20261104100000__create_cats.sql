-- CreateCats (animals database). Its version sorts after the primary database's migrations: each database
-- keeps its own history, so versions only need to be unique within one migrations path.
CREATE TABLE cats (
    id BIGINT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    lives INTEGER NOT NULL DEFAULT 9,
    created_at TIMESTAMP
);
