package dev.mdb.runtime;

import java.util.Objects;

/**
 * What the two standard roles are called (Rails' {@code ActiveRecord.writing_role} and {@code reading_role}): by
 * default {@code writing} and {@code reading}; an application may call them e.g. {@code primary} and {@code replica}
 * ({@link Mdb.Builder#roleNames(String, String)}). The configured names are what messages, route tables and the
 * console print, and what role names given as text ({@link Route#role(String)}, a database.yml {@code role:} key, the
 * console's {@code --role}) resolve to; the standard names keep working as aliases, and {@link Route#reading()} /
 * {@link Route#writing()} always mean the standard roles.
 */
public record RoleNames(String writing, String reading) {
    public static final RoleNames DEFAULT = new RoleNames(Role.WRITING.name(), Role.READING.name());

    public RoleNames {
        writing = requireName(writing, "writing");
        reading = requireName(reading, "reading");
        if (writing.equals(reading)) {
            throw new IllegalArgumentException(
                    "the writing and reading roles need different names: both are '" + writing + "'");
        }
        if (writing.equals(Role.READING.name()) || reading.equals(Role.WRITING.name())) {
            throw new IllegalArgumentException(
                    "the writing role cannot be called 'reading', nor the reading role" + " 'writing'");
        }
    }

    private static String requireName(String name, String which) {
        Objects.requireNonNull(name, which);
        String trimmed = name.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the " + which + " role needs a name");
        }
        return trimmed;
    }

    /** The standard role {@code role} stands for ({@link Role#WRITING}, {@link Role#READING}), else {@code role}. */
    public Role canonical(Role role) {
        if (role == null) {
            return null;
        }
        if (role.name().equals(writing)) {
            return Role.WRITING;
        }
        if (role.name().equals(reading)) {
            return Role.READING;
        }
        return role;
    }

    /** {@code route} with its role made {@link #canonical(Role) canonical}. */
    public Route canonical(Route route) {
        Role role = canonical(route.role());
        return Objects.equals(role, route.role()) ? route : new Route(role, route.shard(), route.writesPrevented());
    }

    /** The name to print for {@code role}: the configured name of a standard role, else its own. */
    public String name(Role role) {
        if (role.equals(Role.WRITING)) {
            return writing;
        }
        if (role.equals(Role.READING)) {
            return reading;
        }
        return role.name();
    }
}
