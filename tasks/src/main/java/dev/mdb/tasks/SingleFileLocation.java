package dev.mdb.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory holding a copy of one migration file, so Flyway sees only that migration. */
final class SingleFileLocation implements AutoCloseable {
    private final Path directory;

    private SingleFileLocation(Path directory) {
        this.directory = directory;
    }

    static SingleFileLocation of(Path file) {
        try {
            Path dir = Files.createTempDirectory("mdb-migration-");
            Files.copy(file, dir.resolve(file.getFileName()));
            return new SingleFileLocation(dir);
        } catch (IOException e) {
            throw new TaskFailedException("cannot stage " + file + " for migrating: " + e.getMessage(), e);
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
