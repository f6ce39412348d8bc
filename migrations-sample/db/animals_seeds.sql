-- Seeds for the animals database: db/NAME_seeds.sql belongs to the database named NAME in config/database.yml.
INSERT INTO dogs (id, name, good_boy, created_at) VALUES (1, 'Rex', TRUE, CURRENT_TIMESTAMP);
INSERT INTO dogs (id, name, good_boy, created_at) VALUES (2, 'Fido', TRUE, CURRENT_TIMESTAMP);
INSERT INTO cats (id, name, lives, created_at) VALUES (1, 'Tom', 9, CURRENT_TIMESTAMP);
