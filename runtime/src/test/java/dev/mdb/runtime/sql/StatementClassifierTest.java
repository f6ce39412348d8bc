package dev.mdb.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Descriptions, configuration, caching and robustness of the strict classifier. */
class StatementClassifierTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d | DELETE (statement kind WRITE via CTE)
            POSTGRESQL | WITH x AS (SELECT 1) UPDATE t SET a = 1       | UPDATE (statement kind WRITE after WITH)
            POSTGRESQL | EXPLAIN ANALYZE DELETE FROM t                 | DELETE (statement kind WRITE via EXPLAIN ANALYZE)
            POSTGRESQL | SELECT * INTO n FROM t                        | SELECT (statement kind WRITE via SELECT INTO)
            POSTGRESQL | SELECT nextval('s')                           | SELECT (statement kind WRITE via function nextval)
            POSTGRESQL | SELECT * FROM t FOR NO KEY UPDATE             | SELECT (statement kind LOCKING_READ via FOR NO KEY UPDATE)
            POSTGRESQL | SELECT 1; DELETE FROM t                       | DELETE (statement kind WRITE)
            POSTGRESQL | COPY t TO PROGRAM 'gzip'                      | COPY (statement kind WRITE via COPY TO PROGRAM)
            POSTGRESQL | CALL p()                                      | CALL (statement kind UNKNOWN, procedure call)
            MYSQL      | SET GLOBAL max_connections = 1                | SET GLOBAL (statement kind WRITE, server-wide)
            MYSQL      | SELECT 1 INTO @x                              | SELECT (statement kind SESSION via INTO @X)
            SQLITE     | PRAGMA journal_mode = WAL                     | PRAGMA journal_mode (statement kind WRITE, persistent setting)
            SQLITE     | frobnicate                                    | FROBNICATE (statement kind UNKNOWN, unrecognised statement)
            """)
    void describe_statement_explainsTheKind(Dialect dialect, String sql, String expected) {
        assertThat(StatementClassifier.forDialect(dialect).describe(sql).describe())
                .isEqualTo(expected);
    }

    @Test
    void describe_emptyText_isReadWithoutVerb() {
        Classification c = StatementClassifier.forDialect(Dialect.POSTGRESQL).describe(" /* nothing */ ; ");

        assertThat(c.kind()).isEqualTo(StatementKind.READ);
        assertThat(c.verb()).isEmpty();
        assertThat(c.refusedWhenPreventingWrites()).isFalse();
    }

    @Test
    void forDialect_sameDialect_returnsSharedInstance() {
        assertThat(StatementClassifier.forDialect(Dialect.MYSQL))
                .isSameAs(StatementClassifier.forDialect(Dialect.MYSQL));
        assertThat(StatementClassifier.rails(Dialect.MYSQL)).isSameAs(StatementClassifier.rails(Dialect.MYSQL));
        assertThat(StatementClassifier.forDialect(Dialect.MYSQL)).isNotSameAs(StatementClassifier.rails(Dialect.MYSQL));
    }

    @Test
    void classify_configuredWriteFunction_isWriteBareOrQualified() {
        StatementClassifier classifier = StatementClassifier.forDialect(
                Dialect.POSTGRESQL, List.of("audit.log_event", "bump_counter"), List.of());

        assertThat(classifier.classify("SELECT audit.log_event('x')")).isEqualTo(StatementKind.WRITE);
        assertThat(classifier.classify("SELECT Bump_Counter(1)")).isEqualTo(StatementKind.WRITE);
        assertThat(classifier.classify("SELECT log_event('x')")).isEqualTo(StatementKind.READ);
        assertThat(classifier.classify("SELECT bump_counter FROM t")).isEqualTo(StatementKind.READ);
        assertThat(classifier.classify("SELECT 'bump_counter(1)'")).isEqualTo(StatementKind.READ);
    }

    @Test
    void classify_configuredReadOnlyProcedure_isReadUnlessItsArgumentsWrite() {
        StatementClassifier classifier =
                StatementClassifier.forDialect(Dialect.MYSQL, List.of(), List.of("reports.monthly", "stats"));

        assertThat(classifier.classify("CALL reports.monthly(2024)")).isEqualTo(StatementKind.READ);
        assertThat(classifier.classify("CALL STATS()")).isEqualTo(StatementKind.READ);
        assertThat(classifier.classify("{call stats(?)}")).isEqualTo(StatementKind.READ);
        assertThat(classifier.classify("CALL stats(NEXTVAL(s))")).isEqualTo(StatementKind.WRITE);
        assertThat(classifier.classify("CALL reports.purge()")).isEqualTo(StatementKind.UNKNOWN);
        assertThat(classifier.classify("CALL monthly()")).isEqualTo(StatementKind.UNKNOWN);
    }

    @Test
    void classify_sameSqlTwice_isCachedOnce() {
        StrictClassifier classifier = new StrictClassifier(Dialect.POSTGRESQL, java.util.Set.of(), java.util.Set.of());

        classifier.classify("SELECT 1");
        classifier.classify("SELECT 1");
        classifier.classify("SELECT 2");

        assertThat(classifier.cacheSize()).isEqualTo(2);
    }

    @Test
    void classify_manyDistinctStatements_keepsCacheBounded() {
        StrictClassifier classifier = new StrictClassifier(Dialect.SQLITE, java.util.Set.of(), java.util.Set.of());

        for (int i = 0; i < 5_000; i++) {
            classifier.classify("SELECT " + i);
        }

        assertThat(classifier.cacheSize()).isEqualTo(ClassificationCache.DEFAULT_CAPACITY);
    }

    @Test
    void classify_concurrentCallers_agree() throws Exception {
        StrictClassifier classifier = new StrictClassifier(Dialect.MYSQL, java.util.Set.of(), java.util.Set.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int task = 0; task < 16; task++) {
                int offset = task;
                results.add(pool.submit(() -> {
                    boolean ok = true;
                    for (int i = 0; i < 3_000; i++) {
                        int n = (i + offset) % 2_500;
                        ok &= classifier.classify("SELECT " + n) == StatementKind.READ;
                        ok &= classifier.classify("DELETE FROM t" + n) == StatementKind.WRITE;
                    }
                    return ok;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(classifier.cacheSize()).isLessThanOrEqualTo(ClassificationCache.DEFAULT_CAPACITY);
    }

    @Test
    void classify_deeplyNestedText_failsClosedWithoutOverflow() {
        StatementClassifier classifier = StatementClassifier.forDialect(Dialect.POSTGRESQL);
        String nestedWith = "SELECT " + "(WITH x AS (SELECT 1) SELECT ".repeat(5_000) + "1" + ")".repeat(5_000);
        String parentheses = "(".repeat(100_000) + "SELECT 1" + ")".repeat(100_000);

        assertThat(classifier.classify(nestedWith)).isEqualTo(StatementKind.UNKNOWN);
        assertThat(classifier.classify(parentheses)).isEqualTo(StatementKind.READ);
    }

    @Test
    void classify_hugeStatement_scansToTheEnd() {
        StatementClassifier classifier = StatementClassifier.forDialect(Dialect.MYSQL);
        String values = "(1, 'a;b'),".repeat(100_000);

        assertThat(classifier.classify("SELECT * FROM t WHERE (a, b) IN (" + values + "(2, 'c'))"))
                .isEqualTo(StatementKind.READ);
        assertThat(classifier.classify("SELECT 1 /*" + "x".repeat(1_000_000) + "*/; DELETE FROM t"))
                .isEqualTo(StatementKind.WRITE);
    }

    @Test
    void classify_nullSql_throwsNullPointerException() {
        assertThatThrownBy(() -> StatementClassifier.forDialect(Dialect.GENERIC).classify(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void classify_pluggedImplementation_describesWithItsKind() {
        StatementClassifier plugged = sql -> StatementKind.DDL;

        assertThat(plugged.describe("anything").describe()).isEqualTo("statement (statement kind DDL)");
    }
}
