package dev.mdb.tasks.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders named objects (views) so each comes after the ones it reads: repeatedly the first object, in the given
 * order, whose dependencies are all written; on a cycle (a name that only looks like a reference) the first
 * remaining one. The result depends only on names and dependencies.
 */
public final class ReadyFirstOrder {
    private ReadyFirstOrder() {}

    /**
     * The objects of {@code byName}, each after those it depends on.
     *
     * @param byName objects in the order to keep (e.g. by name)
     * @param dependencies name → names it reads (names not in {@code byName} are ignored)
     */
    public static <T> List<T> sort(Map<String, T> byName, Map<String, Set<String>> dependencies) {
        List<T> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (ordered.size() < byName.size()) {
            String next = byName.keySet().stream()
                    .filter(name -> !done.contains(name)
                            && done.containsAll(dependencies.getOrDefault(name, Set.of()).stream()
                                    .filter(byName::containsKey)
                                    .toList()))
                    .findFirst()
                    .orElseGet(() -> byName.keySet().stream()
                            .filter(name -> !done.contains(name))
                            .findFirst()
                            .orElseThrow());
            done.add(next);
            ordered.add(byName.get(next));
        }
        return ordered;
    }
}
