-- CreatePosts (primary database): a table with a foreign key to users, and an index on it.
-- A table-level FOREIGN KEY constraint, because MariaDB ignores an inline REFERENCES on the column.
CREATE TABLE posts (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    title VARCHAR(255) NOT NULL,
    body TEXT,
    created_at TIMESTAMP,
    CONSTRAINT fk_posts_user_id FOREIGN KEY (user_id) REFERENCES users (id)
);

CREATE INDEX index_posts_on_user_id ON posts (user_id);
