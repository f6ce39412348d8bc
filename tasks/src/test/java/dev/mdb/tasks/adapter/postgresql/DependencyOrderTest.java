package dev.mdb.tasks.adapter.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {

    @Test
    void sort_noDependencies_keepsGivenOrder() {
        assertThat(DependencyOrder.sort(List.of("a", "b", "c"), Function.identity(), Map.of()))
                .containsExactly("a", "b", "c");
    }

    @Test
    void sort_dependencyLaterInOrder_movesItFirst() {
        Map<String, List<String>> deps = Map.of("a", List.of("c"), "c", List.of("d"));
        assertThat(DependencyOrder.sort(List.of("a", "b", "c", "d"), Function.identity(), deps))
                .containsExactly("d", "c", "a", "b");
    }

    @Test
    void sort_severalDependencies_takesThemInGivenOrder() {
        Map<String, List<String>> deps = Map.of("a", List.of("d", "c"));
        assertThat(DependencyOrder.sort(List.of("a", "b", "c", "d"), Function.identity(), deps))
                .containsExactly("c", "d", "a", "b");
    }

    @Test
    void sort_unknownDependencyOrCycle_ignoredWithoutLosingItems() {
        Map<String, List<String>> deps = Map.of("a", List.of("zz", "b"), "b", List.of("a"));
        assertThat(DependencyOrder.sort(List.of("a", "b"), Function.identity(), deps))
                .containsExactlyInAnyOrder("a", "b")
                .hasSize(2);
    }
}
