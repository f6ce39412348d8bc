-- CreateOrders (every shard: primary_shard_one and primary_shard_two share db/shards_migrate, so all shards
-- have the same schema; db:migrate runs this once per shard).
CREATE TABLE orders (
    id BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    total_cents BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP
);

CREATE INDEX index_orders_on_customer_id ON orders (customer_id);
