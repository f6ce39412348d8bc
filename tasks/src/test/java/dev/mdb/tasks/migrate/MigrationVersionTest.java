package dev.mdb.tasks.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing user-supplied VERSION values and ordering Flyway versions numerically. */
class MigrationVersionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "20261101090000, 20261101090000",
        "' 20261101090000 ', 20261101090000",
        "1, 1",
        "1.2, 1.2",
        "1_2, 1.2",
        "1_2_3, 1.2.3",
        "007, 007",
        "V20261101090000__create_users.sql, 20261101090000",
        "U20261101090000__create_users.sql, 20261101090000",
        "20261101090000__create_users.sql, 20261101090000",
        "V1_2__add_email.sql, 1.2"
    })
    void parseOrNull_validVersion_returnsCanonicalText(String input, String expected) {
        assertThat(MigrationVersion.parseOrNull(input))
                .isNotNull()
                .extracting(MigrationVersion::text)
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "12abc", "-1", "1.", ".1", "1..2", "1 2", "v1", "0x10", "20261101090000__"})
    void parseOrNull_malformedVersion_returnsNull(String input) {
        assertThat(MigrationVersion.parseOrNull(input)).isNull();
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "1, 2",
        "9, 10",
        "2, 10",
        "1.2, 1.10",
        "1.9, 2",
        "1, 1.1",
        "20261101090000, 20261101100000",
        "99999999999999999999, 100000000000000000000",
        "1.0.1, 1.1",
        "0.9, 1",
        "1.02, 1.10",
        "1.2.3, 1.2.4",
        "0, 0.0.1"
    })
    void compareTo_numericSegments_ordersAsNumbers(String lower, String higher) {
        MigrationVersion a = new MigrationVersion(lower);
        MigrationVersion b = new MigrationVersion(higher);

        assertThat(a).isLessThan(b);
        assertThat(b).isGreaterThan(a);
        assertThat(a.sameAs(b)).isFalse();
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource({
        "1, 1.0",
        "1.0.0, 1",
        "1_2, 1.2",
        "007, 7",
        "20261101090000, 020261101090000",
        "0, 0.0",
        "1.02, 1.2",
        "0.0.1, 00.0.01"
    })
    void sameAs_differentSpellings_areTheSameVersion(String a, String b) {
        assertThat(new MigrationVersion(a).sameAs(new MigrationVersion(b))).isTrue();
        assertThat(new MigrationVersion(a).compareTo(new MigrationVersion(b))).isZero();
    }

    @Test
    void sort_mixedVersions_ascendingNumericOrder() {
        List<MigrationVersion> versions = new ArrayList<>();
        for (String v : List.of("10", "2", "1.10", "1.2", "20261101090000", "1")) {
            versions.add(new MigrationVersion(v));
        }
        Collections.sort(versions);

        assertThat(versions)
                .extracting(MigrationVersion::text)
                .containsExactly("1", "1.2", "1.10", "2", "10", "20261101090000");
    }

    @Test
    void toString_isTheText() {
        assertThat(new MigrationVersion("1_2")).hasToString("1.2");
    }
}
