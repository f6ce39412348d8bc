package dev.mdb.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.MdbException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a verb's per-database outcomes become one exception. */
class ResultsTest {
    private static DatabaseConfig config(String name) {
        return new DatabaseConfig("development", name, Map.of("adapter", "sqlite3", "database", name));
    }

    @Test
    void raise_noFailure_returnsTheResultsAndTheirValues() {
        Results<String> results = new Results<>(
                List.of(new DatabaseResult<>(config("a"), "1", null), new DatabaseResult<>(config("b"), "2", null)), 2);

        assertThat(results.raise().values()).containsExactly("1", "2");
        assertThat(results.failed()).isFalse();
    }

    @Test
    void raise_oneFailure_throwsItAsItIs() {
        TaskFailedException failure = new TaskFailedException("boom");
        Results<String> results = new Results<>(
                List.of(new DatabaseResult<>(config("a"), "1", null), new DatabaseResult<>(config("b"), null, failure)),
                3);

        assertThatThrownBy(results::raise).isSameAs(failure);
        assertThat(results.succeeded()).extracting(DatabaseConfig::name).containsExactly("a");
    }

    @Test
    void raise_severalFailures_summaryWithTheFirstOnesCategory() {
        Results<String> results = new Results<>(
                List.of(
                        new DatabaseResult<>(config("a"), null, new ConfigException("bad")),
                        new DatabaseResult<>(config("b"), "2", null),
                        new DatabaseResult<>(config("c"), null, new DatabaseUnavailableException("down"))),
                3);

        assertThatThrownBy(results::raise)
                .isInstanceOfSatisfying(DatabasesFailedException.class, e -> {
                    assertThat(e.category()).isEqualTo(MdbException.Category.CONFIG);
                    assertThat(e.failures()).extracting(Throwable::getMessage).containsExactly("bad", "down");
                })
                .hasMessage("2 of 3 databases failed: a, c. The others completed; see the messages above.");
    }

    @Test
    void raise_severalFailuresTheFirstABug_isAnInternalErrorCarryingTheOthers() {
        Results<String> results = new Results<>(
                List.of(
                        new DatabaseResult<>(config("a"), null, new NullPointerException("bug")),
                        new DatabaseResult<>(config("b"), null, new TaskFailedException("failed"))),
                2);

        assertThatThrownBy(results::raise)
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(NullPointerException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }
}
