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

/** The strict classifier for adapters it has no dialect for: standard lexing, every dialect's write functions. */
class GenericClassifierTest {

    private static final StatementClassifier CLASSIFIER = StatementClassifier.forDialect(Dialect.GENERIC);

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @MethodSource("statements")
    void classify_genericStatement_returnsExpectedKind(StatementKind expected, String sql) {
        assertThat(CLASSIFIER.classify(sql)).as(sql).isEqualTo(expected);
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                arguments(READ, "SELECT 1 FROM dual"),
                arguments(READ, "SELECT [order], \"delete\" FROM t"),
                arguments(READ, "SELECT 'DELETE FROM t'"),
                arguments(READ, "SHOW TABLES"),
                arguments(READ, "EXPLAIN SELECT 1"),
                arguments(READ, "SELECT s.CURRVAL FROM dual"),
                arguments(READ, "WITH x AS (SELECT 1) SELECT * FROM x"),
                arguments(LOCKING_READ, "SELECT * FROM t FOR UPDATE"),
                arguments(LOCKING_READ, "SELECT GET_LOCK('x', 1)"),
                arguments(LOCKING_READ, "SELECT pg_advisory_lock(1)"),
                arguments(WRITE, "SELECT s.NEXTVAL FROM dual"),
                arguments(WRITE, "SELECT NEXT VALUE FOR s"),
                arguments(WRITE, "SELECT nextval('s')"),
                arguments(WRITE, "SELECT load_extension('x')"),
                arguments(WRITE, "EXPLAIN ANALYZE DELETE FROM t"),
                arguments(WRITE, "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d"),
                arguments(WRITE, "MERGE INTO t USING s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET t.a = s.a"),
                arguments(WRITE, "UPSERT INTO t VALUES (1)"),
                arguments(WRITE, "/* /* */ DELETE FROM t"),
                arguments(WRITE, "SET GLOBAL x = 1"),
                arguments(DDL, "CREATE TABLE t (a INT)"),
                arguments(DDL, "TRUNCATE TABLE t"),
                arguments(TRANSACTION_CONTROL, "COMMIT"),
                arguments(TRANSACTION_CONTROL, "BEGIN TRAN"),
                arguments(UNKNOWN, "BEGIN DELETE FROM t; END;"),
                arguments(UNKNOWN, "DECLARE n NUMBER; BEGIN SELECT 1 INTO n FROM dual; END;"),
                arguments(UNKNOWN, "BEGIN TRY SELECT 1 END TRY BEGIN CATCH SELECT 2 END CATCH"),
                arguments(SESSION, "SET SCHEMA app"),
                arguments(SESSION, "SELECT @a := 1"),
                arguments(UNKNOWN, "EXEC sp_who"),
                arguments(UNKNOWN, "BEGIN TRAN; EXEC p; COMMIT TRAN"),
                arguments(UNKNOWN, "DO $$ BEGIN END $$"));
    }
}
