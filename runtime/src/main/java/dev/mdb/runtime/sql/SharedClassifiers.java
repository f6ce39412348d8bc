package dev.mdb.runtime.sql;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The per-dialect instances behind {@link StatementClassifier#forDialect(Dialect)} and {@code rails(Dialect)}. */
final class SharedClassifiers {
    static final Map<Dialect, StatementClassifier> STRICT = new EnumMap<>(Dialect.class);
    static final Map<Dialect, StatementClassifier> RAILS = new EnumMap<>(Dialect.class);

    static {
        for (Dialect dialect : Dialect.values()) {
            STRICT.put(dialect, new StrictClassifier(dialect, Set.of(), Set.of()));
            RAILS.put(dialect, new RailsClassifier(dialect));
        }
    }

    private SharedClassifiers() {}
}
