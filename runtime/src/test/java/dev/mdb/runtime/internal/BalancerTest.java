package dev.mdb.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalancerTest {
    private static Map<String, Integer> spread(
            Balancer balancer, List<String> eligible, Map<String, Integer> w, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(balancer.pick(eligible, w::get, e -> 0), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void roundRobin_equalWeights_alternatesExactly() {
        Balancer balancer = new Balancer(ReplicaSettings.Balancing.ROUND_ROBIN);
        List<String> two = List.of("a", "b");
        Map<String, Integer> w = Map.of("a", 1, "b", 1);
        assertThat(List.of(
                        balancer.pick(two, w::get, e -> 0),
                        balancer.pick(two, w::get, e -> 0),
                        balancer.pick(two, w::get, e -> 0),
                        balancer.pick(two, w::get, e -> 0)))
                .containsExactly("a", "b", "a", "b");
    }

    @Test
    void roundRobin_weights_splitProportionallyAndSmoothly() {
        Balancer balancer = new Balancer(ReplicaSettings.Balancing.ROUND_ROBIN);
        Map<String, Integer> w = Map.of("a", 3, "b", 1);
        assertThat(spread(balancer, List.of("a", "b"), w, 400))
                .containsEntry("a", 300)
                .containsEntry("b", 100);
        // Smooth: never more than 3 a's in a row.
        StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            seq.append(balancer.pick(List.of("a", "b"), w::get, e -> 0));
        }
        assertThat(seq.toString()).doesNotContain("aaaa");
    }

    @Test
    void roundRobin_entryDropsOut_othersShareItsTurns() {
        Balancer balancer = new Balancer(ReplicaSettings.Balancing.ROUND_ROBIN);
        Map<String, Integer> w = Map.of("a", 1, "b", 1, "c", 1);
        assertThat(spread(balancer, List.of("a", "c"), w, 100))
                .containsEntry("a", 50)
                .containsEntry("c", 50);
        assertThat(spread(balancer, List.of("a", "b", "c"), w, 300))
                .containsEntry("a", 100)
                .containsEntry("b", 100)
                .containsEntry("c", 100);
    }

    @Test
    void leastInFlight_picksFewestBorrowed() {
        Balancer balancer = new Balancer(ReplicaSettings.Balancing.LEAST_IN_FLIGHT);
        Map<String, Integer> inFlight = Map.of("a", 4, "b", 1, "c", 2);
        for (int i = 0; i < 5; i++) {
            assertThat(balancer.pick(List.of("a", "b", "c"), e -> 1, inFlight::get))
                    .isEqualTo("b");
        }
    }

    @Test
    void leastInFlight_ties_rotate() {
        Balancer balancer = new Balancer(ReplicaSettings.Balancing.LEAST_IN_FLIGHT);
        Map<String, Integer> inFlight = Map.of("a", 0, "b", 0, "c", 3);
        assertThat(List.of(
                        balancer.pick(List.of("a", "b", "c"), e -> 1, inFlight::get),
                        balancer.pick(List.of("a", "b", "c"), e -> 1, inFlight::get)))
                .containsExactlyInAnyOrder("a", "b");
    }
}
