-- Undoes V20261102090000__add_email_to_users.sql. SQLite supports DROP COLUMN since 3.35.
ALTER TABLE users DROP COLUMN email;
