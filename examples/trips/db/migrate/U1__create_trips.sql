-- Undoes V1__create_trips.sql (run by db:rollback, db:migrate:down and db:migrate:redo).
DROP TABLE trips;
