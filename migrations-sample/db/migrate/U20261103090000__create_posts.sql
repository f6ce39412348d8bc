-- Undoes V20261103090000__create_posts.sql. Dropping the table drops its index and foreign key too.
DROP TABLE posts;
