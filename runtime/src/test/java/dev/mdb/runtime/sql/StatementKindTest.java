package dev.mdb.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link StatementKind} refusal and severity. */
class StatementKindTest {

    @ParameterizedTest(name = "[{index}] {0} refused: {1}")
    @CsvSource({
        "READ, false",
        "LOCKING_READ, true",
        "WRITE, true",
        "DDL, true",
        "TRANSACTION_CONTROL, false",
        "SESSION, false",
        "UNKNOWN, true"
    })
    void refusedWhenPreventingWrites_eachKind_failsClosed(StatementKind kind, boolean refused) {
        assertThat(kind.refusedWhenPreventingWrites()).isEqualTo(refused);
    }

    @ParameterizedTest(name = "[{index}] {0} vs {1} -> {2}")
    @CsvSource({
        "READ, TRANSACTION_CONTROL, TRANSACTION_CONTROL",
        "TRANSACTION_CONTROL, SESSION, SESSION",
        "SESSION, LOCKING_READ, LOCKING_READ",
        "LOCKING_READ, WRITE, WRITE",
        "WRITE, DDL, DDL",
        "DDL, UNKNOWN, UNKNOWN",
        "UNKNOWN, READ, UNKNOWN",
        "WRITE, WRITE, WRITE"
    })
    void mostSevere_twoKinds_picksHigherSeverity(StatementKind a, StatementKind b, StatementKind expected) {
        assertThat(StatementKind.mostSevere(a, b)).isEqualTo(expected);
        assertThat(StatementKind.mostSevere(b, a)).isEqualTo(expected);
    }
}
