-- Undoes V20261104100000__create_cats.sql.
DROP TABLE cats;
