package dev.mdb.tasks.adapter.postgresql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders objects so that each comes after what it depends on, and otherwise keeps the given (name) order: a
 * depth-first walk in input order, so the result depends only on names and dependencies, never on OIDs.
 */
final class DependencyOrder {
    private DependencyOrder() {}

    /**
     * @param items in the order to keep where dependencies allow (e.g. by schema and name)
     * @param key an item's identity (e.g. its OID)
     * @param dependencies key → keys it depends on; keys not among {@code items} are ignored
     */
    static <T, K> List<T> sort(List<T> items, Function<T, K> key, Map<K, ? extends Iterable<K>> dependencies) {
        Map<K, T> byKey = new LinkedHashMap<>();
        Map<K, Integer> position = new LinkedHashMap<>();
        for (T item : items) {
            position.put(key.apply(item), position.size());
            byKey.put(key.apply(item), item);
        }
        List<T> out = new ArrayList<>(items.size());
        Set<K> done = new HashSet<>();
        Set<K> visiting = new HashSet<>();
        for (T item : items) {
            visit(key.apply(item), byKey, position, dependencies, done, visiting, out);
        }
        return out;
    }

    private static <T, K> void visit(
            K k,
            Map<K, T> byKey,
            Map<K, Integer> position,
            Map<K, ? extends Iterable<K>> dependencies,
            Set<K> done,
            Set<K> visiting,
            List<T> out) {
        if (done.contains(k) || !visiting.add(k)) {
            return; // already written, or a cycle (the server does not allow one; keep name order)
        }
        List<K> deps = new ArrayList<>();
        Iterable<K> declared = dependencies.get(k);
        if (declared != null) {
            for (K d : declared) {
                if (position.containsKey(d)) {
                    deps.add(d);
                }
            }
        }
        deps.sort((a, b) -> Integer.compare(position.get(a), position.get(b)));
        for (K d : deps) {
            visit(d, byKey, position, dependencies, done, visiting, out);
        }
        visiting.remove(k);
        done.add(k);
        out.add(byKey.get(k));
    }
}
