-- Undoes V20261101090000__create_users.sql (run by db:rollback, db:migrate:down and db:migrate:redo).
DROP TABLE users;
