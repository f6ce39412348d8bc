package dev.mdb.runtime.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Picks one of a replica set's eligible entries. Round robin is smooth weighted round robin (nginx's): deterministic,
 * even for equal weights, proportional to weights otherwise, and it keeps its rotation when an entry drops out and
 * comes back. Least-in-flight takes the entries with the fewest borrowed connections and breaks ties the same way.
 */
public final class Balancer {
    private final ReplicaSettings.Balancing strategy;
    private final Map<String, Integer> current = new HashMap<>();

    public Balancer(ReplicaSettings.Balancing strategy) {
        this.strategy = strategy;
    }

    /** One of {@code eligible} (non-empty). */
    public synchronized String pick(
            List<String> eligible, ToIntFunction<String> weights, ToIntFunction<String> inFlight) {
        List<String> candidates = eligible;
        if (strategy == ReplicaSettings.Balancing.LEAST_IN_FLIGHT && eligible.size() > 1) {
            int least = Integer.MAX_VALUE;
            for (String entry : eligible) {
                least = Math.min(least, inFlight.applyAsInt(entry));
            }
            int min = least;
            candidates = eligible.stream()
                    .filter(entry -> inFlight.applyAsInt(entry) == min)
                    .toList();
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        int total = 0;
        String best = null;
        int bestWeight = Integer.MIN_VALUE;
        for (String entry : candidates) {
            int weight = weights.applyAsInt(entry);
            total += weight;
            int value = current.merge(entry, weight, Integer::sum);
            if (value > bestWeight) {
                best = entry;
                bestWeight = value;
            }
        }
        current.merge(best, -total, Integer::sum);
        return best;
    }
}
