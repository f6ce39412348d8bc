package dev.mdb.runtime.sql;

import static dev.mdb.runtime.sql.Dialect.GENERIC;
import static dev.mdb.runtime.sql.Dialect.MYSQL;
import static dev.mdb.runtime.sql.Dialect.POSTGRESQL;
import static dev.mdb.runtime.sql.Dialect.SQLITE;
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

/**
 * Where Rails' allowlist and the strict classifier agree and where they differ: Rails lets through {@code WITH ...
 * DELETE}, {@code EXPLAIN ANALYZE}, {@code SELECT ... INTO}, write functions, locking reads and keyword prefixes such
 * as {@code selectx}; it refuses harmless {@code VALUES}, {@code TABLE}, {@code COPY ... TO STDOUT} and empty text.
 */
class RailsParityTest {

    @ParameterizedTest(name = "[{index}] {0}: {1} -> rails {2}, strict {3}")
    @MethodSource("statements")
    void classify_railsAndStrictModes_returnTheirOwnKinds(
            Dialect dialect, String sql, StatementKind rails, StatementKind strict) {
        assertThat(StatementClassifier.rails(dialect).classify(sql))
                .as("rails: " + sql)
                .isEqualTo(rails);
        assertThat(StatementClassifier.forDialect(dialect).classify(sql))
                .as("strict: " + sql)
                .isEqualTo(strict);
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                // Rails' known gaps: let through, strict refuses
                arguments(POSTGRESQL, "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", READ, WRITE),
                arguments(POSTGRESQL, "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", READ, WRITE),
                arguments(POSTGRESQL, "EXPLAIN ANALYZE DELETE FROM t", READ, WRITE),
                arguments(POSTGRESQL, "EXPLAIN (ANALYZE true) UPDATE t SET a = 1", READ, WRITE),
                arguments(POSTGRESQL, "SELECT * INTO new_table FROM t", READ, WRITE),
                arguments(POSTGRESQL, "SELECT nextval('s')", READ, WRITE),
                arguments(POSTGRESQL, "SELECT * FROM t FOR UPDATE", READ, LOCKING_READ),
                arguments(POSTGRESQL, "SELECT pg_advisory_lock(1)", READ, LOCKING_READ),
                arguments(POSTGRESQL, "DECLARE c CURSOR FOR SELECT * FROM t FOR UPDATE", SESSION, LOCKING_READ),
                arguments(POSTGRESQL, "SELECT 1; DELETE FROM t", READ, WRITE),
                arguments(POSTGRESQL, "selectx", READ, UNKNOWN),
                arguments(POSTGRESQL, "SELECTED_ROWS_DELETE()", READ, UNKNOWN),
                arguments(POSTGRESQL, "settle_accounts()", SESSION, UNKNOWN),
                arguments(POSTGRESQL, "Showdown", READ, UNKNOWN),
                arguments(POSTGRESQL, "SET default_transaction_read_only = off", SESSION, WRITE),
                arguments(POSTGRESQL, "BEGIN READ WRITE", TRANSACTION_CONTROL, WRITE),
                arguments(POSTGRESQL, "COMMIT; DROP TABLE t", TRANSACTION_CONTROL, DDL),
                arguments(MYSQL, "SELECT * INTO OUTFILE '/tmp/x' FROM t", READ, WRITE),
                arguments(MYSQL, "SELECT NEXTVAL(s)", READ, WRITE),
                arguments(MYSQL, "SELECT * FROM t LOCK IN SHARE MODE", READ, LOCKING_READ),
                arguments(MYSQL, "SELECT GET_LOCK('x', 1)", READ, LOCKING_READ),
                arguments(MYSQL, "SET GLOBAL max_connections = 10", SESSION, WRITE),
                arguments(MYSQL, "EXPLAIN ANALYZE DELETE FROM t", READ, WRITE),
                arguments(MYSQL, "DESCRIBE_AND_DROP", READ, UNKNOWN),
                arguments(MYSQL, "user_cleanup()", SESSION, UNKNOWN),
                arguments(SQLITE, "PRAGMA journal_mode = WAL", READ, WRITE),
                arguments(SQLITE, "PRAGMA query_only = OFF", READ, WRITE),
                arguments(SQLITE, "pragmatic", READ, UNKNOWN),
                arguments(SQLITE, "WITH x AS (SELECT 1) DELETE FROM t", READ, WRITE),
                // Rails refuses, strict lets through
                arguments(POSTGRESQL, "VALUES (1)", WRITE, READ),
                arguments(POSTGRESQL, "TABLE t", WRITE, READ),
                arguments(POSTGRESQL, "COPY t TO STDOUT", WRITE, READ),
                arguments(POSTGRESQL, "RESET search_path", WRITE, SESSION),
                arguments(POSTGRESQL, "", WRITE, READ),
                arguments(POSTGRESQL, "-- a comment without a newline", WRITE, READ),
                arguments(POSTGRESQL, "/* a **/ SELECT 1", WRITE, READ),
                arguments(MYSQL, "# c\nSELECT 1", WRITE, READ),
                arguments(MYSQL, "START TRANSACTION", WRITE, TRANSACTION_CONTROL),
                arguments(SQLITE, "SHOW TABLES", WRITE, READ),
                arguments(GENERIC, "SHOW TABLES", WRITE, READ),
                arguments(GENERIC, "SET SCHEMA app", WRITE, SESSION),
                // agreement
                arguments(POSTGRESQL, "SELECT 1", READ, READ),
                arguments(POSTGRESQL, "  ( /* c */ SELECT 1)", READ, READ),
                arguments(POSTGRESQL, "-- c\nSELECT 1", READ, READ),
                arguments(POSTGRESQL, "/* x */ DELETE FROM t", WRITE, WRITE),
                arguments(POSTGRESQL, "-- c\nUPDATE t SET a = 1", WRITE, WRITE),
                arguments(POSTGRESQL, "SHOW search_path", READ, READ),
                arguments(POSTGRESQL, "SET search_path TO x", SESSION, SESSION),
                arguments(POSTGRESQL, "BEGIN", TRANSACTION_CONTROL, TRANSACTION_CONTROL),
                arguments(POSTGRESQL, "CREATE TABLE t (a int)", WRITE, DDL),
                arguments(MYSQL, "SHOW TABLES", READ, READ),
                arguments(MYSQL, "DESCRIBE t", READ, READ),
                arguments(MYSQL, "USE db", SESSION, SESSION),
                arguments(MYSQL, "/*!50000 DELETE FROM t */", WRITE, WRITE),
                arguments(SQLITE, "PRAGMA table_info(t)", READ, READ),
                arguments(SQLITE, "EXPLAIN DELETE FROM t", READ, READ),
                arguments(SQLITE, "VACUUM", WRITE, WRITE));
    }
}
