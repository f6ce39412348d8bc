package dev.mdb.runtime.sql;

import static dev.mdb.runtime.sql.StatementKind.DDL;
import static dev.mdb.runtime.sql.StatementKind.LOCKING_READ;
import static dev.mdb.runtime.sql.StatementKind.READ;
import static dev.mdb.runtime.sql.StatementKind.SESSION;
import static dev.mdb.runtime.sql.StatementKind.TRANSACTION_CONTROL;
import static dev.mdb.runtime.sql.StatementKind.UNKNOWN;
import static dev.mdb.runtime.sql.StatementKind.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The strict classifier on PostgreSQL statements. */
class PostgresqlClassifierTest {

    private static final StatementClassifier CLASSIFIER = StatementClassifier.forDialect(Dialect.POSTGRESQL);

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @MethodSource("statements")
    void classify_postgresqlStatement_returnsExpectedKind(StatementKind expected, String sql) {
        assertThat(CLASSIFIER.classify(sql)).as(sql).isEqualTo(expected);
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                // reads
                arguments(READ, "SELECT 1"),
                arguments(READ, "select * from users where id = $1"),
                arguments(READ, "SELECT updated_at, deleted, inserted_by FROM t"),
                arguments(READ, "SELECT 'DELETE FROM t'"),
                arguments(READ, "SELECT $$ delete $$"),
                arguments(READ, "SELECT $tag$ ; DELETE FROM t $tag$"),
                arguments(READ, "SELECT E'it\\'s; DELETE FROM t'"),
                arguments(READ, "SELECT 'C:\\'; SELECT 2"),
                arguments(READ, "SELECT \"delete\", \"nextval\" FROM t"),
                arguments(READ, "(SELECT 1) UNION (SELECT 2)"),
                arguments(READ, "((SELECT 1))"),
                arguments(READ, "VALUES (1), (2)"),
                arguments(READ, "TABLE t"),
                arguments(READ, "SHOW search_path"),
                arguments(READ, "EXPLAIN SELECT * FROM t"),
                arguments(READ, "EXPLAIN DELETE FROM t"),
                arguments(READ, "EXPLAIN (ANALYZE false) UPDATE t SET a = 1"),
                arguments(READ, "EXPLAIN (ANALYZE off, COSTS on) DELETE FROM t"),
                arguments(READ, "EXPLAIN (COSTS off, FORMAT json) DELETE FROM t"),
                arguments(READ, "EXPLAIN (ANALYZE 0) DELETE FROM t"),
                arguments(READ, "EXPLAIN (SELECT 1)"),
                arguments(READ, "EXPLAIN ANALYZE SELECT 1"),
                arguments(READ, "WITH x AS (SELECT 1) SELECT * FROM x"),
                arguments(
                        READ,
                        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r"),
                arguments(READ, "WITH update AS (SELECT 1) SELECT * FROM update"),
                arguments(READ, "WITH x AS NOT MATERIALIZED (SELECT 1) (SELECT * FROM x)"),
                arguments(READ, "COPY t TO STDOUT"),
                arguments(READ, "COPY (SELECT * FROM t) TO STDOUT WITH (FORMAT csv)"),
                arguments(READ, "SELECT currval('s'), lastval()"),
                arguments(READ, "SELECT count(*) FROM t WHERE note = 'for update'"),
                arguments(READ, "/* SELECT */ SELECT 1 -- ; DELETE FROM t"),
                arguments(READ, "/* a /* nested */ DELETE FROM t */ SELECT 1"),
                arguments(READ, "SELECT data ? 'key', data::text FROM t"),
                arguments(READ, "SELECT nextval_log FROM t"),
                arguments(READ, ""),
                arguments(READ, "   \n\t "),
                arguments(READ, "-- only a comment"),
                arguments(READ, ";;"),
                // locking reads
                arguments(LOCKING_READ, "SELECT * FROM t FOR UPDATE"),
                arguments(LOCKING_READ, "SELECT * FROM t WHERE id = 1 FOR NO KEY UPDATE"),
                arguments(LOCKING_READ, "select * from t for share"),
                arguments(LOCKING_READ, "SELECT * FROM t FOR KEY SHARE SKIP LOCKED"),
                arguments(LOCKING_READ, "SELECT pg_advisory_lock(42)"),
                arguments(LOCKING_READ, "SELECT pg_try_advisory_xact_lock(1, 2)"),
                arguments(LOCKING_READ, "WITH x AS (SELECT * FROM t FOR UPDATE) SELECT * FROM x"),
                arguments(LOCKING_READ, "EXPLAIN ANALYZE SELECT * FROM t FOR UPDATE"),
                arguments(LOCKING_READ, "DECLARE c CURSOR FOR SELECT * FROM t FOR UPDATE"),
                // writes
                arguments(WRITE, "INSERT INTO t (a) VALUES (1)"),
                arguments(WRITE, "INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = excluded.a"),
                arguments(WRITE, "UPDATE t SET updated_at = now()"),
                arguments(WRITE, "DELETE FROM t WHERE id = 1"),
                arguments(WRITE, "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a"),
                arguments(WRITE, "/* x */ DELETE FROM t"),
                arguments(WRITE, "-- c\nUPDATE t SET a = 1"),
                arguments(WRITE, "/* a /* b */ c */ ( INSERT INTO t VALUES (1))"),
                arguments(WRITE, "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d"),
                arguments(WRITE, "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"),
                arguments(WRITE, "WITH RECURSIVE x AS (SELECT 1) UPDATE t SET a = 1"),
                arguments(WRITE, "WITH a AS (SELECT 1), b AS MATERIALIZED (UPDATE t SET a = 1 RETURNING *) TABLE b"),
                arguments(WRITE, "WITH a(x) AS (SELECT 1) MERGE INTO t USING a ON t.id = a.x WHEN MATCHED THEN DELETE"),
                arguments(WRITE, "EXPLAIN ANALYZE DELETE FROM t"),
                arguments(WRITE, "EXPLAIN (ANALYZE true) UPDATE t SET a = 1"),
                arguments(WRITE, "EXPLAIN (ANALYZE, BUFFERS) INSERT INTO t VALUES (1)"),
                arguments(WRITE, "EXPLAIN (FORMAT JSON, ANALYZE) DELETE FROM t"),
                arguments(WRITE, "EXPLAIN (ANALYZE 1) DELETE FROM t"),
                arguments(WRITE, "EXPLAIN ANALYZE VERBOSE WITH d AS (DELETE FROM t RETURNING 1) SELECT * FROM d"),
                arguments(WRITE, "SELECT * INTO new_table FROM t"),
                arguments(WRITE, "SELECT * INTO TEMP scratch FROM t"),
                arguments(WRITE, "SELECT nextval('s')"),
                arguments(WRITE, "SELECT setval('s', 42)"),
                arguments(WRITE, "SELECT pg_catalog.nextval('s')"),
                arguments(WRITE, "SELECT id, NEXTVAL ('s') FROM t"),
                arguments(WRITE, "SELECT pg_notify('channel', 'payload')"),
                arguments(WRITE, "SELECT lo_import('/etc/motd')"),
                arguments(WRITE, "SELECT * FROM (SELECT nextval('s')) x"),
                arguments(WRITE, "SELECT 1; DELETE FROM t"),
                arguments(WRITE, "SELECT 'a;b'; UPDATE t SET a = 1"),
                arguments(WRITE, "COPY t FROM STDIN"),
                arguments(WRITE, "COPY t (a, b) FROM '/tmp/x.csv' WITH (FORMAT csv)"),
                arguments(WRITE, "COPY t TO '/tmp/x.csv'"),
                arguments(WRITE, "COPY t TO PROGRAM 'gzip > /tmp/x.gz'"),
                arguments(WRITE, "COPY (DELETE FROM t RETURNING *) TO STDOUT"),
                arguments(WRITE, "VACUUM"),
                arguments(WRITE, "VACUUM (VERBOSE, ANALYZE) t"),
                arguments(WRITE, "ANALYZE t"),
                arguments(WRITE, "LOCK TABLE t IN ACCESS EXCLUSIVE MODE"),
                arguments(WRITE, "REINDEX TABLE t"),
                arguments(WRITE, "CLUSTER t USING t_pkey"),
                arguments(WRITE, "REFRESH MATERIALIZED VIEW CONCURRENTLY v"),
                arguments(WRITE, "LISTEN channel"),
                arguments(WRITE, "NOTIFY channel, 'payload'"),
                arguments(WRITE, "CHECKPOINT"),
                arguments(WRITE, "LOAD 'auto_explain'"),
                arguments(WRITE, "SET default_transaction_read_only = off"),
                arguments(WRITE, "SET SESSION default_transaction_read_only TO 'false'"),
                arguments(WRITE, "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE"),
                arguments(WRITE, "BEGIN READ WRITE"),
                arguments(WRITE, "SELECT set_config('default_transaction_read_only', 'off', false)"),
                arguments(WRITE, "RESET ALL"),
                arguments(WRITE, "DISCARD ALL"),
                // DDL
                arguments(DDL, "CREATE TABLE t (id bigint)"),
                arguments(DDL, "CREATE TEMP TABLE t AS SELECT 1"),
                arguments(DDL, "ALTER TABLE t ADD COLUMN a int"),
                arguments(DDL, "DROP TABLE t"),
                arguments(DDL, "TRUNCATE t"),
                arguments(DDL, "TRUNCATE TABLE t RESTART IDENTITY"),
                arguments(DDL, "COMMENT ON TABLE t IS 'x'"),
                arguments(DDL, "GRANT SELECT ON t TO reporting"),
                arguments(DDL, "REVOKE ALL ON t FROM reporting"),
                arguments(DDL, "ALTER SYSTEM SET work_mem = '64MB'"),
                arguments(DDL, "EXPLAIN ANALYZE CREATE TABLE x AS SELECT 1"),
                arguments(DDL, "SELECT 1; CREATE TABLE x (a int); DELETE FROM x"),
                // transaction control
                arguments(TRANSACTION_CONTROL, "BEGIN"),
                arguments(TRANSACTION_CONTROL, "BEGIN ISOLATION LEVEL SERIALIZABLE"),
                arguments(TRANSACTION_CONTROL, "BEGIN READ ONLY"),
                arguments(TRANSACTION_CONTROL, "BEGIN WORK"),
                arguments(TRANSACTION_CONTROL, "BEGIN NOT DEFERRABLE"),
                arguments(TRANSACTION_CONTROL, "START TRANSACTION"),
                arguments(TRANSACTION_CONTROL, "COMMIT"),
                arguments(TRANSACTION_CONTROL, "END"),
                arguments(TRANSACTION_CONTROL, "ROLLBACK"),
                arguments(TRANSACTION_CONTROL, "ROLLBACK TO SAVEPOINT s"),
                arguments(TRANSACTION_CONTROL, "SAVEPOINT s"),
                arguments(TRANSACTION_CONTROL, "RELEASE SAVEPOINT s"),
                arguments(TRANSACTION_CONTROL, "ABORT"),
                arguments(TRANSACTION_CONTROL, "PREPARE TRANSACTION 'tx1'"),
                arguments(TRANSACTION_CONTROL, "COMMIT PREPARED 'tx1'"),
                arguments(TRANSACTION_CONTROL, "BEGIN; SELECT 1"),
                // session
                arguments(SESSION, "SET search_path TO x"),
                arguments(SESSION, "SET LOCAL statement_timeout = '5s'"),
                arguments(SESSION, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"),
                arguments(SESSION, "SET TRANSACTION READ ONLY"),
                arguments(SESSION, "SET default_transaction_read_only = on"),
                arguments(SESSION, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"),
                arguments(SESSION, "SET ROLE reporting"),
                arguments(SESSION, "RESET search_path"),
                arguments(SESSION, "DECLARE c CURSOR WITH HOLD FOR SELECT * FROM t"),
                arguments(SESSION, "FETCH 10 FROM c"),
                arguments(SESSION, "MOVE NEXT IN c"),
                arguments(SESSION, "CLOSE c"),
                arguments(SESSION, "DISCARD PLANS"),
                arguments(SESSION, "PREPARE q AS SELECT 1"),
                arguments(SESSION, "DEALLOCATE q"),
                arguments(SESSION, "UNLISTEN *"),
                arguments(SESSION, "SELECT set_config('app.tenant', '42', false)"),
                // unknown (fail closed)
                arguments(UNKNOWN, "CALL p()"),
                arguments(UNKNOWN, "DO $$ BEGIN DELETE FROM t; END $$"),
                arguments(UNKNOWN, "EXECUTE q"),
                arguments(UNKNOWN, "{call p(?)}"),
                arguments(UNKNOWN, "{? = call f(?)}"),
                arguments(UNKNOWN, "frobnicate t"),
                arguments(UNKNOWN, "'DELETE FROM t'"),
                arguments(UNKNOWN, "selectx 1"),
                arguments(UNKNOWN, "ſelect 1"));
    }
}
