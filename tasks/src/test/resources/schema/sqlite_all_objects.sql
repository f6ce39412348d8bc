-- Every kind of object the SQLite schema dumper writes, created out of name order on purpose.
CREATE TABLE widgets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id INTEGER NOT NULL REFERENCES owners (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    parent_id INTEGER REFERENCES widgets (id) ON DELETE SET NULL,
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT 'unnamed; really',   
    price_cents INTEGER NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
    price REAL GENERATED ALWAYS AS (price_cents / 100.0) VIRTUAL,
    label TEXT AS (upper(name) || ' #' || sku) STORED,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    note TEXT DEFAULT 'two spaces at the end  
of this line are data',
    CONSTRAINT name_not_blank CHECK (length(trim(name)) > 0)
);

CREATE TABLE owners (id INTEGER PRIMARY KEY, email TEXT NOT NULL COLLATE NOCASE, region TEXT, active INTEGER NOT NULL DEFAULT 1,
    UNIQUE (email, region));

CREATE TABLE "Order Lines" ("order" INTEGER NOT NULL, line INTEGER NOT NULL, widget_id INTEGER REFERENCES widgets (id),
    qty INTEGER NOT NULL DEFAULT 1, PRIMARY KEY ("order", line)) WITHOUT ROWID;

CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL DEFAULT 0) STRICT;

CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, widget_id INTEGER, action TEXT NOT NULL, at TEXT);

CREATE TABLE flyway_schema_history (
    installed_rank INT NOT NULL PRIMARY KEY,
    version VARCHAR(50),
    description VARCHAR(200) NOT NULL,
    type VARCHAR(20) NOT NULL,
    script VARCHAR(1000) NOT NULL,
    checksum INT,
    installed_by VARCHAR(100) NOT NULL,
    installed_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    execution_time INT NOT NULL,
    success BOOLEAN NOT NULL
);
CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (success);

CREATE TABLE mdb_internal_metadata (key TEXT PRIMARY KEY, value TEXT);
CREATE INDEX mdb_internal_metadata_value ON mdb_internal_metadata (value);

CREATE UNIQUE INDEX widgets_owner_name ON widgets (owner_id, name);
CREATE INDEX widgets_active_price ON widgets (price_cents DESC) WHERE price_cents > 0;
CREATE INDEX owners_lower_email ON owners (lower(email));
CREATE INDEX "order lines by widget" ON "Order Lines" (widget_id, qty DESC);

-- a_widget_summary reads z_priced_widgets, a view named later in the alphabet
CREATE VIEW a_widget_summary AS SELECT owner_id, count(*) AS n, sum(price) AS total FROM z_priced_widgets GROUP BY owner_id;
CREATE VIEW z_priced_widgets AS
    SELECT w.id, w.owner_id, w.price FROM widgets w JOIN owners o ON o.id = w.owner_id WHERE o.active = 1;
CREATE VIEW m_owner_totals AS SELECT o.email, s.total FROM owners o JOIN a_widget_summary s ON s.owner_id = o.id;

CREATE TRIGGER widgets_audit AFTER UPDATE OF price_cents ON widgets
BEGIN
    INSERT INTO audit_log (widget_id, action, at)
    VALUES (new.id, CASE WHEN new.price_cents > old.price_cents THEN 'up; more' ELSE 'down' END, datetime('now'));
END;

CREATE TRIGGER owners_no_delete BEFORE DELETE ON owners
WHEN old.active = 1
BEGIN
    SELECT RAISE(ABORT, 'deactivate the owner first');
END;

CREATE TRIGGER priced_widgets_insert INSTEAD OF INSERT ON z_priced_widgets
BEGIN
    INSERT INTO widgets (owner_id, sku, price_cents) VALUES (new.owner_id, 'sku-' || new.id, new.price * 100);
END;

INSERT INTO owners (id, email) VALUES (1, 'a@example.com');
INSERT INTO widgets (owner_id, sku, price_cents) VALUES (1, 'w1', 250);
ANALYZE;
