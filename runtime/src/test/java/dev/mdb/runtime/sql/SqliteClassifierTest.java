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

/** The strict classifier on SQLite statements. */
class SqliteClassifierTest {

    private static final StatementClassifier CLASSIFIER = StatementClassifier.forDialect(Dialect.SQLITE);

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @MethodSource("statements")
    void classify_sqliteStatement_returnsExpectedKind(StatementKind expected, String sql) {
        assertThat(CLASSIFIER.classify(sql)).as(sql).isEqualTo(expected);
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                // reads
                arguments(READ, "SELECT 1"),
                arguments(READ, "SELECT [delete], \"update\", `insert` FROM t"),
                arguments(READ, "SELECT updated_at, deleted FROM t"),
                arguments(READ, "SELECT 'DELETE FROM t'"),
                arguments(READ, "SELECT 'it''s; DELETE FROM t'"),
                arguments(READ, "SELECT 'C:\\'; SELECT 2"),
                arguments(READ, "SELECT * FROM t WHERE a = :name AND b = @other AND c = $third AND d = ?1"),
                arguments(READ, "WITH x AS (SELECT 1) SELECT * FROM x"),
                arguments(
                        READ,
                        "WITH RECURSIVE c(x) AS (VALUES(1) UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT x FROM c"),
                arguments(READ, "VALUES (1), (2)"),
                arguments(READ, "EXPLAIN SELECT 1"),
                arguments(READ, "EXPLAIN QUERY PLAN SELECT * FROM t"),
                arguments(READ, "EXPLAIN DELETE FROM t"),
                arguments(READ, "EXPLAIN QUERY PLAN UPDATE t SET a = 1"),
                arguments(READ, "PRAGMA table_info(t)"),
                arguments(READ, "PRAGMA main.table_info('t')"),
                arguments(READ, "PRAGMA index_list(t)"),
                arguments(READ, "PRAGMA foreign_key_check(t)"),
                arguments(READ, "PRAGMA integrity_check"),
                arguments(READ, "PRAGMA foreign_keys"),
                arguments(READ, "PRAGMA journal_mode"),
                arguments(READ, "PRAGMA user_version"),
                arguments(READ, "SELECT changes(), last_insert_rowid(), sqlite_version()"),
                arguments(READ, "SELECT * FROM pragma_table_info('t')"),
                arguments(READ, ""),
                arguments(READ, "  \n "),
                arguments(READ, "/* c */ SELECT 1 -- ; DELETE FROM t"),
                arguments(READ, "(SELECT 1)"),
                // session
                arguments(SESSION, "PRAGMA foreign_keys = ON"),
                arguments(SESSION, "PRAGMA busy_timeout = 5000"),
                arguments(SESSION, "PRAGMA cache_size(-2000)"),
                arguments(SESSION, "PRAGMA query_only = ON"),
                arguments(SESSION, "PRAGMA query_only(1)"),
                arguments(SESSION, "PRAGMA synchronous = NORMAL"),
                arguments(SESSION, "DETACH DATABASE other"),
                // writes
                arguments(WRITE, "PRAGMA journal_mode = WAL"),
                arguments(WRITE, "PRAGMA journal_mode(WAL)"),
                arguments(WRITE, "PRAGMA main.user_version = 5"),
                arguments(WRITE, "PRAGMA application_id = 1"),
                arguments(WRITE, "PRAGMA schema_version = 1"),
                arguments(WRITE, "PRAGMA query_only = OFF"),
                arguments(WRITE, "PRAGMA optimize"),
                arguments(WRITE, "PRAGMA wal_checkpoint(TRUNCATE)"),
                arguments(WRITE, "PRAGMA incremental_vacuum(10)"),
                arguments(WRITE, "PRAGMA no_such_pragma = 1"),
                arguments(WRITE, "INSERT INTO t VALUES (1)"),
                arguments(WRITE, "INSERT OR REPLACE INTO t VALUES (1)"),
                arguments(WRITE, "INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE SET a = excluded.a"),
                arguments(WRITE, "REPLACE INTO t VALUES (1)"),
                arguments(WRITE, "UPDATE t SET a = 1"),
                arguments(WRITE, "UPDATE OR IGNORE t SET a = 1"),
                arguments(WRITE, "DELETE FROM t"),
                arguments(WRITE, "/* x */ DELETE FROM t"),
                arguments(WRITE, "-- c\nUPDATE t SET a = 1"),
                arguments(WRITE, " ( /* c */ ( DELETE FROM t))"),
                arguments(WRITE, "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"),
                arguments(WRITE, "WITH x AS (SELECT 1) DELETE FROM t WHERE a IN (SELECT * FROM x)"),
                arguments(WRITE, "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d"),
                arguments(WRITE, "SELECT 1; DELETE FROM t"),
                arguments(WRITE, "SELECT 'x'; INSERT INTO t VALUES ('; SELECT 1')"),
                arguments(WRITE, "VACUUM"),
                arguments(WRITE, "VACUUM INTO '/tmp/backup.db'"),
                arguments(WRITE, "ANALYZE"),
                arguments(WRITE, "REINDEX t"),
                arguments(WRITE, "ATTACH DATABASE 'other.db' AS other"),
                arguments(WRITE, "SELECT load_extension('mod_spatialite')"),
                arguments(WRITE, "SELECT * INTO t2 FROM t"),
                // DDL
                arguments(DDL, "CREATE TABLE t (a)"),
                arguments(DDL, "CREATE INDEX i ON t(a)"),
                arguments(DDL, "CREATE VIRTUAL TABLE v USING fts5(a)"),
                arguments(DDL, "ALTER TABLE t RENAME TO u"),
                arguments(DDL, "DROP TABLE IF EXISTS t"),
                arguments(DDL, "CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM u; END"),
                // transaction control
                arguments(TRANSACTION_CONTROL, "BEGIN"),
                arguments(TRANSACTION_CONTROL, "BEGIN IMMEDIATE"),
                arguments(TRANSACTION_CONTROL, "BEGIN EXCLUSIVE TRANSACTION"),
                arguments(TRANSACTION_CONTROL, "BEGIN DEFERRED"),
                arguments(TRANSACTION_CONTROL, "BEGIN IMMEDIATE TRANSACTION"),
                arguments(TRANSACTION_CONTROL, "COMMIT"),
                arguments(TRANSACTION_CONTROL, "END"),
                arguments(TRANSACTION_CONTROL, "END TRANSACTION"),
                arguments(TRANSACTION_CONTROL, "ROLLBACK"),
                arguments(TRANSACTION_CONTROL, "SAVEPOINT a"),
                arguments(TRANSACTION_CONTROL, "RELEASE a"),
                arguments(TRANSACTION_CONTROL, "ROLLBACK TO a"),
                // locking reads and unknown
                arguments(LOCKING_READ, "SELECT * FROM t FOR UPDATE"),
                arguments(UNKNOWN, "selectx"),
                arguments(UNKNOWN, "[t]"),
                arguments(UNKNOWN, "PRAGMA"));
    }
}
