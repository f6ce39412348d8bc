-- CreateDogs (animals database, db/animals_migrate as set by migrations_paths in config/database.yml).
CREATE TABLE dogs (
    id BIGINT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    good_boy BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP
);
