package dev.mdb.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Password masking in URLs and in messages quoting them. */
class JdbcUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "postgres://app:s3cr3t@db/x | postgres://app:***@db/x",
                "postgres://app:p@ss@db/x | postgres://app:***@db/x",
                "mysql2://app:s3cr3t@[::1]:3306/x?pool=5 | mysql2://app:***@[::1]:3306/x?pool=5",
                "jdbc:postgresql://h/db?user=u&password=s3cr3t&ssl=true | jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                "jdbc:sqlserver://h;user=u;password=s3cr3t;db=x | jdbc:sqlserver://h;user=u;password=***;db=x",
                "jdbc:mysql://h/db?sslPassword=s3cr3t | jdbc:mysql://h/db?sslPassword=***",
                "postgres://app@db/x | postgres://app@db/x",
                "postgres://db:5432/x | postgres://db:5432/x",
                "sqlite3:db/x.sqlite3 | sqlite3:db/x.sqlite3",
                "bad url 'postgres://u:s3cr3t@h/db' and 'mysql://v:t0p@h2' | bad url 'postgres://u:***@h/db' and 'mysql://v:***@h2'",
                "PGPASSWORD=s3cr3t pg_dump | PGPASSWORD=*** pg_dump",
                "{password=s3cr3t, pool=5} | {password=***, pool=5}"
            })
    void redact_urlOrMessage_masksPasswords(String text, String expected) {
        assertThat(JdbcUrls.redact(text)).isEqualTo(expected);
    }

    @Test
    void redact_null_isNull() {
        assertThat(JdbcUrls.redact(null)).isNull();
    }
}
