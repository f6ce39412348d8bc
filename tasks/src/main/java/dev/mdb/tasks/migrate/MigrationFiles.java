package dev.mdb.tasks.migrate;

import dev.mdb.tasks.TaskFailedException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The migration files of one database's {@code migrations_paths}, sorted by version. */
public final class MigrationFiles {
    private final List<Path> directories;
    private final List<MigrationFile> ups;
    private final List<MigrationFile> downs;
    /** Checksums read so far: databases sharing these files (the shards of a group) read each once per run. */
    private final Map<Path, Integer> checksums = new ConcurrentHashMap<>();

    private MigrationFiles(List<Path> directories, List<MigrationFile> ups, List<MigrationFile> downs) {
        this.directories = directories;
        this.ups = ups;
        this.downs = downs;
    }

    /**
     * Scans the directories (missing ones are empty) and everything below them. Every file counts: it is an up or down
     * migration, or one of the files deliberately left alone (hidden files such as {@code .gitkeep}, {@code README*},
     * {@code *.md}, {@code *.txt}, and a Flyway {@code V….sql.conf} beside its migration), or an error naming it and
     * the naming rule. An unreadable file or directory is an error naming its path; so are two files of one version.
     */
    public static MigrationFiles scan(List<Path> directories) {
        List<MigrationFile> ups = new ArrayList<>();
        List<MigrationFile> downs = new ArrayList<>();
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (Path path : walk(dir)) {
                MigrationFile file = MigrationFile.parse(path);
                if (file != null) {
                    if (!Files.isReadable(path)) {
                        throw new TaskFailedException("can't read migration " + path
                                + ": permission denied. Make it readable by the user running mdb.");
                    }
                    (file.up() ? ups : downs).add(file);
                } else if (!ignored(path)) {
                    throw new TaskFailedException(notAMigration(path));
                }
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

    /** Every regular file below {@code dir}; an unreadable directory is an error naming it. */
    private static List<Path> walk(Path dir) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            String path = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                    ? fs.getFile()
                    : dir.toString();
            throw new TaskFailedException(
                    "can't read the migrations directory " + path + ": "
                            + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString())
                            + ". Make it readable by the user running mdb.",
                    e);
        }
        found.sort(null);
        return found;
    }

    /** Files in a migrations path that are not migrations and are left alone on purpose. */
    private static boolean ignored(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || lower.startsWith("readme") || lower.endsWith(".md") || lower.endsWith(".txt")) {
            return true;
        }
        if (name.endsWith(".sql.conf")) {
            Path script = path.resolveSibling(name.substring(0, name.length() - ".conf".length()));
            return MigrationFile.parse(script) != null && Files.exists(script);
        }
        return false;
    }

    private static String notAMigration(Path path) {
        String name = path.getFileName().toString();
        String why = name.startsWith("R__") || name.matches("B[0-9].*__.*")
                ? " (mdb runs versioned migrations only: Flyway's repeatable R__ and baseline B files are not supported)"
                : name.endsWith(".sql.conf") ? " (a script configuration without its migration beside it)" : "";
        return path + " is not a migration file" + why + ". Migration files are named V<version>__<name>.sql (up) and"
                + " U<version>__<name>.sql (down), the version digits with . or _ between groups, e.g."
                + " V20261201090000__create_dogs.sql. Rename it, or move it out of the migrations path (README*, *.md,"
                + " *.txt and hidden files are left alone).";
    }

    /** The checksum of {@code file}'s text, as {@link MigrationScript#checksum()} has it; read once. */
    public int checksum(MigrationFile file) {
        return checksums.computeIfAbsent(file.path(), path -> {
            try {
                return Checksums.of(Files.readString(path, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new TaskFailedException(
                        "can't read migration " + path + ": " + dev.mdb.config.Causes.of(e)
                                + ". Check the file's permissions.",
                        e);
            }
        });
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
