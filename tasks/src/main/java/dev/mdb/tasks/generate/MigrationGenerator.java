package dev.mdb.tasks.generate;

import dev.mdb.config.Causes;
import dev.mdb.tasks.InvalidArgumentException;
import dev.mdb.tasks.TaskFailedException;
import dev.mdb.tasks.migrate.MigrationFile;
import dev.mdb.tasks.migrate.MigrationFiles;
import dev.mdb.tasks.spi.ColumnTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code V<utc-timestamp>__<snake_name>.sql} and its {@code U…} file: CREATE TABLE for {@code Create<Table>},
 * ADD/DROP COLUMN for {@code Add<Cols>To<Table>} / {@code Remove<Cols>From<Table>}, an empty pair otherwise.
 */
public final class MigrationGenerator {
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private final ColumnTypes types;
    private final Clock clock;

    public MigrationGenerator(ColumnTypes types, Clock clock) {
        this.types = types;
        this.clock = clock;
    }

    /** The files written. */
    public record Generated(Path up, Path down) {}

    /** Writes the pair into {@code directory}; {@code existing} are all migrations of that database. */
    public Generated generate(Path directory, MigrationFiles existing, String name, List<String> fieldArgs) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new InvalidArgumentException(
                    "invalid migration name '" + name + "'. Use CamelCase letters and digits, e.g. CreateDogs.");
        }
        String snake = Inflector.underscore(name);
        Optional<MigrationFile> clash =
                existing.ups().stream().filter(f -> f.snakeName().equals(snake)).findFirst();
        if (clash.isPresent()) {
            throw new TaskFailedException("Another migration is already named " + snake + ": "
                    + clash.get().path() + ". Choose another name.");
        }
        List<FieldSpec> fields = fieldArgs.stream().map(FieldSpec::parse).toList();
        MigrationSql sql = MigrationSql.of(name, snake, fields, types);
        String version = nextVersion(existing);
        Path up = directory.resolve("V" + version + "__" + snake + ".sql");
        Path down = directory.resolve("U" + version + "__" + snake + ".sql");
        try {
            Files.createDirectories(directory);
            Files.writeString(up, sql.up(), StandardCharsets.UTF_8);
            Files.writeString(down, sql.down(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TaskFailedException("cannot write migration into " + directory + ": " + Causes.of(e), e);
        }
        return new Generated(up, down);
    }

    /** Now in UTC, or one second after the newest existing version when that is not older (Rails' rule). */
    private String nextVersion(MigrationFiles existing) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        String candidate = VERSION.format(now);
        while (true) {
            String v = candidate;
            boolean taken = existing.ups().stream()
                    .anyMatch(f -> f.version().text().compareTo(v) >= 0
                            && f.version().text().length() == v.length());
            if (!taken) {
                return candidate;
            }
            now = now.plusSeconds(1);
            candidate = VERSION.format(now);
        }
    }
}
