package dev.mdb.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link StatementKind} refusal and severity, {@link Dialect#forAdapter(String)}. */
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

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "postgresql, POSTGRESQL",
        "postgres, POSTGRESQL",
        "PostGIS, POSTGRESQL",
        "mysql2, MYSQL",
        "mysql, MYSQL",
        "trilogy, MYSQL",
        "mariadb, MYSQL",
        "sqlite3, SQLITE",
        "SQLite, SQLITE",
        "oracle_enhanced, GENERIC",
        "sqlserver, GENERIC",
        "'', GENERIC"
    })
    void forAdapter_adapterName_mapsToDialect(String adapter, Dialect expected) {
        assertThat(Dialect.forAdapter(adapter)).isEqualTo(expected);
    }

    @Test
    void forAdapter_null_isGeneric() {
        assertThat(Dialect.forAdapter(null)).isEqualTo(Dialect.GENERIC);
    }
}
