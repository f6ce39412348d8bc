package dev.mdb.runtime;

import java.util.Objects;

/** A role such as {@code writing}, {@code reading} or a custom one ({@code analytics}). */
public record Role(String name) {
    public static final Role WRITING = new Role("writing");
    public static final Role READING = new Role("reading");

    public Role {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("role name must not be blank");
        }
    }

    public static Role of(String name) {
        return new Role(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
