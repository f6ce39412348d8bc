-- Undoes V20261101100000__create_dogs.sql.
DROP TABLE dogs;
