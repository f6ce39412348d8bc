package dev.mdb.tasks.adapter.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SequenceOptionsTest {

    static Stream<Arguments> identities() {
        return Stream.of(
                Arguments.of(new SequenceOptions("bigint", 1, 1, 1, Long.MAX_VALUE, 1, false), List.of()),
                Arguments.of(new SequenceOptions("integer", 1, 1, 1, Integer.MAX_VALUE, 1, false), List.of()),
                Arguments.of(
                        new SequenceOptions("smallint", -1, -1, Short.MIN_VALUE, -1, 1, false),
                        List.of("INCREMENT BY -1")),
                Arguments.of(
                        new SequenceOptions("integer", 100, 10, 1, Integer.MAX_VALUE, 5, false),
                        List.of("START WITH 100", "INCREMENT BY 10", "CACHE 5")),
                // START defaults to MINVALUE, so a raised minimum alone does not need START.
                Arguments.of(
                        new SequenceOptions("bigint", 0, 1, 0, 100, 1, true),
                        List.of("MINVALUE 0", "MAXVALUE 100", "CYCLE")),
                // An integer identity sequence's maximum is the bigint one only when set so.
                Arguments.of(
                        new SequenceOptions("integer", 1, 1, 1, Long.MAX_VALUE, 1, false),
                        List.of("MAXVALUE " + Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @MethodSource("identities")
    void identityClauses_parameters_onlyNonDefaults(SequenceOptions options, List<String> clauses) {
        assertThat(options.identityClauses()).isEqualTo(clauses);
    }

    @Test
    void createClauses_bigintDefaults_writtenAsPgDumpDoes() {
        assertThat(new SequenceOptions("bigint", 1, 1, 1, Long.MAX_VALUE, 1, false).createClauses())
                .containsExactly("START WITH 1", "INCREMENT BY 1", "NO MINVALUE", "NO MAXVALUE", "CACHE 1");
    }

    @Test
    void createClauses_smallintDescendingWithBounds_namesTypeAndBounds() {
        assertThat(new SequenceOptions("smallint", 50, -5, 10, 50, 20, true).createClauses())
                .containsExactly(
                        "AS smallint",
                        "START WITH 50",
                        "INCREMENT BY -5",
                        "MINVALUE 10",
                        "MAXVALUE 50",
                        "CACHE 20",
                        "CYCLE");
    }
}
