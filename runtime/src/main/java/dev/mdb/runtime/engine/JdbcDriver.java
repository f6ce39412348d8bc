package dev.mdb.runtime.engine;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The JDBC driver an {@link Engine} connects through, as an application adds it: {@code mdb-runtime} declares the
 * drivers optional, so each application brings the ones its adapters need.
 *
 * @param description what the driver is called in messages, e.g. {@code the PostgreSQL JDBC driver}
 * @param className the driver's {@link java.sql.Driver} class, e.g. {@code org.postgresql.Driver}
 * @param coordinates its Maven {@code groupId:artifactId}, e.g. {@code org.postgresql:postgresql}
 */
public record JdbcDriver(String description, String className, String coordinates) {
    public JdbcDriver {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(coordinates, "coordinates");
    }

    /**
     * Whether the driver class can be loaded (without initializing it) by the thread's context class loader or by
     * {@code engineLoader}, the loaders through which {@link java.sql.DriverManager} and the pools find drivers.
     */
    public boolean isPresent(ClassLoader engineLoader) {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        if (engineLoader != null) {
            loaders.add(engineLoader);
        }
        if (loaders.isEmpty()) {
            loaders.add(ClassLoader.getSystemClassLoader());
        }
        for (ClassLoader loader : loaders) {
            try {
                Class.forName(className, false, loader);
                return true;
            } catch (ClassNotFoundException e) {
                // not in this loader; try the next
            }
        }
        return false;
    }
}
