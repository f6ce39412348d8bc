-- Every kind of object the MySQL/MariaDB schema dumper writes; indexes and checks are created out of name order.
CREATE SEQUENCE order_numbers START WITH 1000 INCREMENT BY 10;

CREATE SEQUENCE audit_ids;

CREATE TABLE owners (
    id int NOT NULL AUTO_INCREMENT,
    email varchar(190) NOT NULL,
    region char(2) NOT NULL DEFAULT 'EU',
    active tinyint(1) NOT NULL DEFAULT 1,
    bio text COMMENT 'free text; may say "anything"\nincluding a second line',
    PRIMARY KEY (id),
    UNIQUE KEY owners_region_email (region, email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='people who own widgets; it''s a comment';

CREATE TABLE widgets (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_id int NOT NULL,
    parent_id bigint NULL,
    sku varchar(32) CHARACTER SET ascii NOT NULL,
    name varchar(100) NOT NULL DEFAULT 'unnamed; it''s \\ "quoted"',
    price_cents int NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
    price decimal(12,2) AS (price_cents / 100) VIRTUAL,
    label varchar(200) AS (concat(upper(name), ' #', sku)) STORED,
    order_no bigint NOT NULL DEFAULT nextval(order_numbers),
    created_at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
    CONSTRAINT widgets_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT widgets_parent_fk FOREIGN KEY (parent_id) REFERENCES widgets (id) ON DELETE SET NULL
) ENGINE=InnoDB;

ALTER TABLE widgets ADD CONSTRAINT widgets_name_not_blank CHECK (char_length(trim(name)) > 0);
ALTER TABLE widgets ADD CONSTRAINT widgets_cheap_or_labelled CHECK (price_cents < 100000 OR label IS NOT NULL);
CREATE UNIQUE INDEX widgets_sku ON widgets (sku);
CREATE INDEX widgets_owner_name ON widgets (owner_id, name(20) DESC);
CREATE INDEX widgets_label ON widgets (label);
CREATE FULLTEXT INDEX widgets_name_fulltext ON widgets (name);

CREATE TABLE `order lines` (
    `order` bigint NOT NULL,
    line int NOT NULL,
    widget_id bigint NULL,
    qty int NOT NULL DEFAULT 1,
    PRIMARY KEY (`order`, line),
    FOREIGN KEY (widget_id) REFERENCES widgets (id)
) ENGINE=InnoDB;

CREATE TABLE audit_log (
    id bigint NOT NULL DEFAULT nextval(audit_ids),
    happened_at datetime(6) NOT NULL,
    action enum('insert','update','delete') NOT NULL,
    payload longtext CHECK (json_valid(payload))
) ENGINE=InnoDB COMMENT='no primary key on purpose';

CREATE TABLE price_history (id int NOT NULL PRIMARY KEY, price_cents int NOT NULL) WITH SYSTEM VERSIONING;

CREATE TABLE readings (
    sensor_id int NOT NULL,
    taken_on date NOT NULL,
    value double NOT NULL,
    raw blob INVISIBLE,
    PRIMARY KEY (sensor_id, taken_on),
    UNIQUE KEY readings_raw (raw) USING HASH
) ENGINE=InnoDB
PARTITION BY RANGE (year(taken_on)) (
    PARTITION p2023 VALUES LESS THAN (2024),
    PARTITION p2024 VALUES LESS THAN (2025),
    PARTITION pmax VALUES LESS THAN MAXVALUE
);

CREATE TABLE rates (
    id int NOT NULL,
    valid_from date NOT NULL,
    valid_to date NOT NULL,
    rate decimal(5,2) NOT NULL,
    PERIOD FOR valid_period (valid_from, valid_to),
    PRIMARY KEY (id, valid_period WITHOUT OVERLAPS)
) ENGINE=InnoDB;

CREATE TABLE flyway_schema_history (
    installed_rank INT NOT NULL,
    version VARCHAR(50),
    description VARCHAR(200) NOT NULL,
    type VARCHAR(20) NOT NULL,
    script VARCHAR(1000) NOT NULL,
    checksum INT,
    installed_by VARCHAR(100) NOT NULL,
    installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    execution_time INT NOT NULL,
    success BOOL NOT NULL,
    CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank)
) ENGINE=InnoDB;
CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (success);

CREATE TABLE mdb_internal_metadata (`key` varchar(255) NOT NULL PRIMARY KEY, value varchar(255)) ENGINE=InnoDB;

-- a_owner_totals reads z_active_widgets, a view named later in the alphabet
CREATE VIEW z_active_widgets AS
    SELECT w.id, w.owner_id, w.price FROM widgets w JOIN owners o ON o.id = w.owner_id WHERE o.active = 1;
CREATE VIEW a_owner_totals (owner_id, widgets, total) AS
    SELECT owner_id, count(*), sum(price) FROM z_active_widgets GROUP BY owner_id;
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW m_cheap_widgets AS
    SELECT id, sku, price_cents FROM widgets WHERE price_cents < 500 WITH CHECK OPTION;
CREATE VIEW order_numbers_used AS SELECT lastval(order_numbers) AS last_order_no, (SELECT count(*) FROM widgets) AS n;

INSERT INTO owners (email) VALUES ('a@example.com'), ('b@example.com');
INSERT INTO widgets (owner_id, sku, price_cents) VALUES (1, 'w1', 250), (2, 'w2', 900);
