package dev.mdb.cli.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away mdb project in a temporary directory: {@code config/database.yml} written by the test, and copies of
 * the portable migrations of {@code migrations-sample} in {@code db/migrate} (primary) and {@code db/animals_migrate}.
 */
final class SampleProject {
    static final String USERS = "20261101090000";
    static final String EMAIL = "20261102090000";
    static final String POSTS = "20261103090000";
    static final String DOGS = "20261101100000";
    static final String CATS = "20261104100000";
    static final List<String> PRIMARY_VERSIONS = List.of(USERS, EMAIL, POSTS);
    static final List<String> ANIMALS_VERSIONS = List.of(DOGS, CATS);

    /** The environment every run gets: no test database in the yml, so don't look for one. */
    static final Map<String, String> ENVIRONMENT = Map.of("SKIP_TEST_DATABASE", "1");

    private final Path root;

    private SampleProject(Path root) {
        this.root = root;
    }

    /** A project in {@code root} with the sample's primary and animals migrations and no database.yml yet. */
    static SampleProject in(Path root) throws IOException {
        Path sample = sampleDirectory();
        for (String migrations : List.of("db/migrate", "db/animals_migrate")) {
            copyFiles(sample.resolve(migrations), root.resolve(migrations));
        }
        Files.createDirectories(root.resolve("config"));
        return new SampleProject(root);
    }

    /** A project in {@code root} with an empty {@code db/migrate} and no database.yml yet. */
    static SampleProject empty(Path root) throws IOException {
        Files.createDirectories(root.resolve("db/migrate"));
        Files.createDirectories(root.resolve("config"));
        return new SampleProject(root);
    }

    Path root() {
        return root;
    }

    MdbRunner mdb() {
        return new MdbRunner(root, ENVIRONMENT);
    }

    void writeDatabaseYml(String yml) throws IOException {
        Files.writeString(root.resolve("config/database.yml"), yml, StandardCharsets.UTF_8);
    }

    /** Writes {@code <migrationsPath>/<fileName>} and returns its path. */
    Path addMigration(String migrationsPath, String fileName, String sql) throws IOException {
        return Files.writeString(root.resolve(migrationsPath).resolve(fileName), sql, StandardCharsets.UTF_8);
    }

    /** {@code migrations-sample} of this checkout: the Failsafe working directory is the cli module. */
    private static Path sampleDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("migrations-sample");
            if (Files.isDirectory(candidate.resolve("db/migrate"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("migrations-sample/db/migrate not found above "
                + Path.of("").toAbsolutePath() + "; run the integration tests from the mdb checkout");
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            files.filter(file -> file.getFileName().toString().endsWith(".sql")).forEach(file -> {
                try {
                    Files.copy(file, to.resolve(file.getFileName().toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
