package dev.mdb.tasks.migrate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code V…__name.sql} (up) or {@code U…__name.sql} (down) file. */
public record MigrationFile(boolean up, MigrationVersion version, String snakeName, Path path) {
    private static final Pattern NAME = Pattern.compile("([VU])([0-9]+(?:[._][0-9]+)*)__(.+)\\.sql");

    /** Parses a file name; null when it is not a versioned migration. */
    public static MigrationFile parse(Path path) {
        Matcher m = NAME.matcher(path.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        return new MigrationFile(m.group(1).equals("V"), new MigrationVersion(m.group(2)), m.group(3), path);
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    /** The history's description, as Flyway writes it: {@code create_dogs} becomes {@code create dogs}. */
    public String description() {
        return snakeName.replace('_', ' ');
    }

    /** The history's script name: the path relative to {@code location} (its migrations path), with {@code /}. */
    public String scriptName(java.nio.file.Path location) {
        java.nio.file.Path relative = path.startsWith(location) ? location.relativize(path) : path.getFileName();
        return relative.toString().replace(java.io.File.separatorChar, '/');
    }

    /** {@code create_dogs} as Rails' migration class name: {@code CreateDogs}. */
    public String className() {
        return className(snakeName);
    }

    /** {@code create_dogs} as Rails' status name: {@code Create dogs}. */
    public String humanName() {
        return humanName(snakeName);
    }

    public static String className(String snakeName) {
        StringBuilder sb = new StringBuilder();
        for (String part : snakeName.split("[_\\s]+", -1)) {
            if (!part.isEmpty()) {
                sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    public static String humanName(String snakeName) {
        String spaced = snakeName.replace('_', ' ').trim();
        return spaced.isEmpty() ? spaced : spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }
}
