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

/** The strict classifier on MySQL and MariaDB statements. */
class MysqlClassifierTest {

    private static final StatementClassifier CLASSIFIER = StatementClassifier.forDialect(Dialect.MYSQL);

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @MethodSource("statements")
    void classify_mysqlStatement_returnsExpectedKind(StatementKind expected, String sql) {
        assertThat(CLASSIFIER.classify(sql)).as(sql).isEqualTo(expected);
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                // reads
                arguments(READ, "SELECT 1"),
                arguments(READ, "SELECT `delete`, `update` FROM `t`"),
                arguments(READ, "SELECT updated_at, deleted FROM t"),
                arguments(READ, "SELECT 'DELETE FROM t'"),
                arguments(READ, "SELECT \"DELETE FROM t\""),
                arguments(READ, "SELECT 'it\\'s; DELETE FROM t'"),
                arguments(READ, "SELECT 'a''b; DELETE FROM t'"),
                arguments(READ, "SELECT 1 # ; DELETE FROM t"),
                arguments(READ, "SELECT 1 -- ; DELETE FROM t"),
                arguments(READ, "SELECT /*+ MAX_EXECUTION_TIME(1000) */ * FROM t"),
                arguments(READ, "SHOW TABLES"),
                arguments(READ, "SHOW CREATE TABLE t"),
                arguments(READ, "DESCRIBE t"),
                arguments(READ, "DESC t"),
                arguments(READ, "DESC SELECT * FROM t"),
                arguments(READ, "EXPLAIN SELECT * FROM t"),
                arguments(READ, "EXPLAIN DELETE FROM t"),
                arguments(READ, "EXPLAIN FORMAT=JSON UPDATE t SET a = 1"),
                arguments(READ, "EXPLAIN ANALYZE SELECT * FROM t"),
                arguments(READ, "WITH x AS (SELECT 1) SELECT * FROM x"),
                arguments(READ, "VALUES ROW(1, 2), ROW(3, 4)"),
                arguments(READ, "TABLE t ORDER BY id"),
                arguments(READ, "SELECT LAST_INSERT_ID()"),
                arguments(READ, "SELECT IS_FREE_LOCK('x'), IS_USED_LOCK('x')"),
                arguments(READ, "SELECT PREVIOUS VALUE FOR s"),
                arguments(READ, "HELP 'select'"),
                arguments(READ, "DO SLEEP(1)"),
                arguments(READ, "CHECKSUM TABLE t"),
                arguments(READ, ""),
                arguments(READ, "# only a comment"),
                // locking reads
                arguments(LOCKING_READ, "SELECT * FROM t FOR UPDATE"),
                arguments(LOCKING_READ, "SELECT * FROM t WHERE id = 1 FOR SHARE"),
                arguments(LOCKING_READ, "SELECT * FROM t LOCK IN SHARE MODE"),
                arguments(LOCKING_READ, "SELECT * FROM t FOR UPDATE NOWAIT"),
                arguments(LOCKING_READ, "SELECT GET_LOCK('migrations', 10)"),
                arguments(LOCKING_READ, "SELECT RELEASE_LOCK('migrations')"),
                arguments(LOCKING_READ, "DO GET_LOCK('x', 0)"),
                // writes
                arguments(WRITE, "INSERT INTO t VALUES (1)"),
                arguments(WRITE, "INSERT IGNORE INTO t VALUES (1)"),
                arguments(WRITE, "INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 1"),
                arguments(WRITE, "REPLACE INTO t VALUES (1)"),
                arguments(WRITE, "UPDATE t SET a = 1"),
                arguments(WRITE, "DELETE FROM t"),
                arguments(WRITE, "DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id"),
                arguments(WRITE, "/* x */ DELETE FROM t"),
                arguments(WRITE, "-- c\nUPDATE t SET a = 1"),
                arguments(WRITE, "#c\nDELETE FROM t"),
                arguments(WRITE, "(  (INSERT INTO t VALUES (1)))"),
                arguments(WRITE, "/*!50000 DELETE FROM t */"),
                arguments(WRITE, "SELECT 1 /*!; DELETE FROM t */"),
                arguments(WRITE, "/*M!100000 UPDATE t SET a = 1 */"),
                arguments(WRITE, "SELECT 1--1\n; DELETE FROM t"),
                arguments(WRITE, "WITH x AS (SELECT 1) UPDATE t SET a = 1"),
                arguments(WRITE, "WITH x AS (SELECT 1) DELETE FROM t WHERE id IN (SELECT * FROM x)"),
                arguments(WRITE, "EXPLAIN ANALYZE DELETE FROM t"),
                arguments(WRITE, "SELECT * INTO OUTFILE '/tmp/x' FROM t"),
                arguments(WRITE, "SELECT * FROM t INTO DUMPFILE '/tmp/x'"),
                arguments(WRITE, "SELECT NEXTVAL(s)"),
                arguments(WRITE, "SELECT NEXT VALUE FOR s"),
                arguments(WRITE, "SELECT SETVAL(s, 10)"),
                arguments(WRITE, "SELECT 1; DELETE FROM t"),
                arguments(WRITE, "SET GLOBAL max_connections = 10"),
                arguments(WRITE, "SET PERSIST max_connections = 10"),
                arguments(WRITE, "SET @@global.max_connections = 10"),
                arguments(WRITE, "SET SESSION sql_mode = '', GLOBAL max_connections = 10"),
                arguments(WRITE, "SET PASSWORD = 'secret'"),
                arguments(WRITE, "SET SESSION TRANSACTION READ WRITE"),
                arguments(WRITE, "SET SESSION transaction_read_only = 0"),
                arguments(WRITE, "SET @@session.transaction_read_only = OFF"),
                arguments(WRITE, "START TRANSACTION READ WRITE"),
                arguments(WRITE, "LOAD DATA INFILE '/tmp/x' INTO TABLE t"),
                arguments(WRITE, "LOCK TABLES t WRITE"),
                arguments(WRITE, "ANALYZE TABLE t"),
                arguments(WRITE, "OPTIMIZE TABLE t"),
                arguments(WRITE, "FLUSH TABLES"),
                arguments(WRITE, "RESET MASTER"),
                arguments(WRITE, "KILL 42"),
                arguments(WRITE, "START REPLICA"),
                // DDL
                arguments(DDL, "CREATE TABLE t (id INT)"),
                arguments(DDL, "CREATE TABLE t2 SELECT * FROM t"),
                arguments(DDL, "ALTER TABLE t ADD c INT"),
                arguments(DDL, "DROP TABLE t"),
                arguments(DDL, "TRUNCATE t"),
                arguments(DDL, "RENAME TABLE a TO b"),
                arguments(DDL, "GRANT SELECT ON db.* TO 'u'@'%'"),
                arguments(DDL, "REVOKE SELECT ON db.* FROM 'u'@'%'"),
                // transaction control
                arguments(TRANSACTION_CONTROL, "BEGIN"),
                arguments(TRANSACTION_CONTROL, "BEGIN WORK"),
                arguments(TRANSACTION_CONTROL, "START TRANSACTION"),
                arguments(TRANSACTION_CONTROL, "START TRANSACTION READ ONLY"),
                arguments(TRANSACTION_CONTROL, "START TRANSACTION WITH CONSISTENT SNAPSHOT"),
                arguments(TRANSACTION_CONTROL, "COMMIT"),
                arguments(TRANSACTION_CONTROL, "ROLLBACK"),
                arguments(TRANSACTION_CONTROL, "SAVEPOINT s"),
                arguments(TRANSACTION_CONTROL, "RELEASE SAVEPOINT s"),
                arguments(TRANSACTION_CONTROL, "ROLLBACK TO s"),
                arguments(TRANSACTION_CONTROL, "XA START 'x'"),
                // session
                arguments(SESSION, "SET NAMES utf8mb4"),
                arguments(SESSION, "SET @a = 1"),
                arguments(SESSION, "SET SESSION sql_mode = 'STRICT_ALL_TABLES'"),
                arguments(SESSION, "SET @@session.wait_timeout = 60"),
                arguments(SESSION, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED"),
                arguments(SESSION, "SET TRANSACTION READ ONLY"),
                arguments(SESSION, "SET SESSION TRANSACTION READ ONLY"),
                arguments(SESSION, "SET SESSION transaction_read_only = 1"),
                arguments(SESSION, "USE db"),
                arguments(SESSION, "SELECT @a := 1"),
                arguments(SESSION, "SELECT a INTO @x FROM t"),
                arguments(SESSION, "SELECT a, b INTO @x, @y FROM t LIMIT 1"),
                arguments(SESSION, "SELECT LAST_INSERT_ID(42)"),
                arguments(SESSION, "UNLOCK TABLES"),
                arguments(SESSION, "PREPARE s FROM 'DELETE FROM t'"),
                arguments(SESSION, "DEALLOCATE PREPARE s"),
                arguments(SESSION, "EXPLAIN FORMAT=JSON INTO @plan SELECT 1"),
                // unknown (fail closed)
                arguments(UNKNOWN, "CALL p()"),
                arguments(UNKNOWN, "EXECUTE s"),
                arguments(UNKNOWN, "BEGIN NOT ATOMIC DELETE FROM t; END"),
                arguments(UNKNOWN, "HANDLER t OPEN"),
                arguments(UNKNOWN, "{call p()}"),
                arguments(UNKNOWN, "usex"));
    }
}
