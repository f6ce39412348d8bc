package dev.mdb.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reproduction of Rails' {@code build_read_query_regexp}, keyword lists and prefix rules. */
class RailsClassifierTest {

    @ParameterizedTest(name = "[{index}] {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | close c           | SESSION
            POSTGRESQL | declare c cursor  | SESSION
            POSTGRESQL | fetch 1 from c    | SESSION
            POSTGRESQL | move next in c    | SESSION
            POSTGRESQL | set x to 1        | SESSION
            POSTGRESQL | show x            | READ
            POSTGRESQL | desc t            | WRITE
            POSTGRESQL | use db            | WRITE
            POSTGRESQL | pragma x          | WRITE
            MYSQL      | desc t            | READ
            MYSQL      | describe t        | READ
            MYSQL      | set names utf8    | SESSION
            MYSQL      | show tables       | READ
            MYSQL      | use db            | SESSION
            MYSQL      | close c           | WRITE
            MYSQL      | pragma x          | WRITE
            SQLITE     | pragma x          | READ
            SQLITE     | show x            | WRITE
            SQLITE     | set x = 1         | WRITE
            GENERIC    | show x            | WRITE
            GENERIC    | set x = 1         | WRITE
            GENERIC    | begin             | TRANSACTION_CONTROL
            GENERIC    | commit            | TRANSACTION_CONTROL
            GENERIC    | explain select 1  | READ
            GENERIC    | release s         | TRANSACTION_CONTROL
            GENERIC    | rollback          | TRANSACTION_CONTROL
            GENERIC    | savepoint s       | TRANSACTION_CONTROL
            GENERIC    | select 1          | READ
            GENERIC    | with x as (select 1) delete from t | READ
            GENERIC    | insert into t values (1)           | WRITE
            """)
    void classify_adapterKeyword_followsRailsKeywordList(Dialect dialect, String sql, StatementKind expected) {
        assertThat(StatementClassifier.rails(dialect).classify(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SELECT 1                             | READ
            sElEcT 1                             | READ
            selectx                              | READ
            select_all_and_delete()              | READ
            ((( select 1                         | READ
            /* c */ select 1                     | READ
            /* c */(/**/select 1                 | READ
            /* a **/ select 1                    | WRITE
            /* a **/ delete /* b */ select 1     | READ
            /* unterminated select 1             | WRITE
            -- no newline select 1               | WRITE
            ' select 1'                          | WRITE
            x select 1                           | WRITE
            """)
    void classify_prefixVariants_matchRubyRegexp(String sql, StatementKind expected) {
        assertThat(StatementClassifier.rails(Dialect.POSTGRESQL).classify(sql)).isEqualTo(expected);
    }

    @Test
    void classify_rubyWhitespaceBeforeKeyword_isSkipped() {
        StatementClassifier rails = StatementClassifier.rails(Dialect.POSTGRESQL);

        assertThat(rails.classify(" \t\r\n\f\u000Bselect 1")).isEqualTo(StatementKind.READ);
        assertThat(rails.classify("-- c\r\n-- d\nselect 1")).isEqualTo(StatementKind.READ);
        assertThat(rails.classify("\u00A0select 1")).isEqualTo(StatementKind.WRITE);
        assertThat(rails.classify("-- c\rselect 1")).isEqualTo(StatementKind.WRITE);
    }

    @Test
    void classify_veryLongLeadingComment_doesNotOverflowTheStack() {
        String sql = "/*" + "*x".repeat(500_000) + "*/" + "(".repeat(100_000) + "select 1";
        String unclosable = "/*" + "x*".repeat(500_000) + "*/ select 1";

        assertThat(StatementClassifier.rails(Dialect.MYSQL).classify(sql)).isEqualTo(StatementKind.READ);
        assertThat(StatementClassifier.rails(Dialect.MYSQL).classify(unclosable))
                .isEqualTo(StatementKind.WRITE);
    }

    @Test
    void classify_randomShortTexts_agreeWithRubyRegexpTranscribedToJava() {
        // Rails' regexp with Ruby's `.` (anything but \n) spelled [^\n]; java.util.regex backtracks like Onigmo.
        Pattern ruby = Pattern.compile(
                "\\A(?:[(\\s]|(?:--[^\\n]*\\n)|/\\*(?:[^*]|\\*[^/])*\\*/)*(?:pragma|select|with)",
                Pattern.CASE_INSENSITIVE);
        StatementClassifier rails = StatementClassifier.rails(Dialect.SQLITE);
        String alphabet = "/*-\n\r (xS";
        Random random = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sql = new StringBuilder();
            for (int length = random.nextInt(14); length > 0; length--) {
                sql.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            sql.append(random.nextBoolean() ? "select" : "with");
            boolean expectedRead = ruby.matcher(sql).lookingAt();

            assertThat(rails.classify(sql.toString()) != StatementKind.WRITE)
                    .as("%s", sql)
                    .isEqualTo(expectedRead);
        }
    }

    @Test
    void describe_unmatchedStatement_namesTheLeadingWord() {
        Classification c = StatementClassifier.rails(Dialect.POSTGRESQL).describe("/* c */ DELETE FROM t");

        assertThat(c.kind()).isEqualTo(StatementKind.WRITE);
        assertThat(c.verb()).isEqualTo("DELETE");
        assertThat(c.describe()).isEqualTo("DELETE (statement kind WRITE, not in Rails' read allowlist)");
    }

    @Test
    void classify_nullSql_throwsNullPointerException() {
        assertThatThrownBy(() -> StatementClassifier.rails(Dialect.SQLITE).classify(null))
                .isInstanceOf(NullPointerException.class);
    }
}
