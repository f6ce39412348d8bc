package dev.mdb.tasks.migrate;

import dev.mdb.tasks.TaskFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The migration files of one database's {@code migrations_paths}, sorted by version. */
public final class MigrationFiles {
    private final List<Path> directories;
    private final List<MigrationFile> ups;
    private final List<MigrationFile> downs;

    private MigrationFiles(List<Path> directories, List<MigrationFile> ups, List<MigrationFile> downs) {
        this.directories = directories;
        this.ups = ups;
        this.downs = downs;
    }

    /** Scans the directories (missing ones are empty); duplicate versions are an error naming both files. */
    public static MigrationFiles scan(List<Path> directories) {
        List<MigrationFile> ups = new ArrayList<>();
        List<MigrationFile> downs = new ArrayList<>();
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile)
                        .map(MigrationFile::parse)
                        .filter(f -> f != null)
                        .forEach(f -> (f.up() ? ups : downs).add(f));
            } catch (IOException e) {
                throw new TaskFailedException("cannot read migrations directory " + dir + ": " + e.getMessage(), e);
            }
        }
        Comparator<MigrationFile> byVersion = Comparator.comparing(MigrationFile::version);
        ups.sort(byVersion.thenComparing(f -> f.path().toString()));
        downs.sort(byVersion.thenComparing(f -> f.path().toString()));
        for (int i = 1; i < ups.size(); i++) {
            if (ups.get(i).version().sameAs(ups.get(i - 1).version())) {
                throw new TaskFailedException(
                        "two migrations have version " + ups.get(i).version() + ": "
                                + ups.get(i - 1).path() + " and " + ups.get(i).path() + ". Rename one of them.");
            }
        }
        return new MigrationFiles(List.copyOf(directories), List.copyOf(ups), List.copyOf(downs));
    }

    public List<Path> directories() {
        return directories;
    }

    /** The migrations path {@code file} was found in (its history name is relative to it). */
    public Path locationOf(MigrationFile file) {
        return directories.stream()
                .filter(dir -> file.path().startsWith(dir))
                .findFirst()
                .orElse(file.path().getParent());
    }

    public List<MigrationFile> ups() {
        return ups;
    }

    public Optional<MigrationFile> up(MigrationVersion version) {
        return ups.stream().filter(f -> f.version().sameAs(version)).findFirst();
    }

    public Optional<MigrationFile> down(MigrationVersion version) {
        return downs.stream().filter(f -> f.version().sameAs(version)).findFirst();
    }
}
