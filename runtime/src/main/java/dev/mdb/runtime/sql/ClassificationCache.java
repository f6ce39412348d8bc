package dev.mdb.runtime.sql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A bounded, thread-safe LRU map from SQL text to its classification, so prepared statements are classified once.
 * Texts longer than {@link #MAX_CACHED_LENGTH} characters (generated bulk statements) are classified every time
 * instead of being kept alive. A {@link ReentrantLock} guards the map, so virtual threads are never pinned.
 */
final class ClassificationCache {
    /** Entries kept per classifier. */
    static final int DEFAULT_CAPACITY = 2048;
    /** Longer SQL texts are not cached. */
    static final int MAX_CACHED_LENGTH = 16_384;

    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, Classification> entries;

    ClassificationCache(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 256), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Classification> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached classification of {@code sql}, computing it outside the lock on a miss. */
    Classification get(String sql, Function<String, Classification> compute) {
        if (sql.length() > MAX_CACHED_LENGTH) {
            return compute.apply(sql);
        }
        lock.lock();
        try {
            Classification cached = entries.get(sql);
            if (cached != null) {
                return cached;
            }
        } finally {
            lock.unlock();
        }
        Classification computed = compute.apply(sql);
        lock.lock();
        try {
            entries.put(sql, computed);
        } finally {
            lock.unlock();
        }
        return computed;
    }

    int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }
}
