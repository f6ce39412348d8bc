-- Undoes V20261101110000__create_orders.sql.
DROP TABLE orders;
