package dev.mdb.tasks.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.mdb.tasks.TaskFailedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every file in a migrations path counts: a migration, a file left alone on purpose, or an error naming it. */
class MigrationFilesTest {
    @TempDir
    Path dir;

    private Path write(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "SELECT 1;\n", StandardCharsets.UTF_8);
        return file;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "V3_x.sql",
                "Vabc__x.sql",
                "V1..2__x.sql",
                "V__x.sql",
                "V1__.sql",
                "R__refresh_views.sql",
                "B1__baseline.sql",
                "V1__create.SQL",
                "seeds.sql",
                "V2__orphan.sql.conf",
                "sub/create_users.sql"
            })
    void scan_fileNotFollowingTheNamingRule_isAnErrorNamingIt(String name) throws Exception {
        write("V1__create_users.sql");
        Path bad = write(name);

        assertThatThrownBy(() -> MigrationFiles.scan(List.of(dir)))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageStartingWith(bad + " is not a migration file")
                .hasMessageContaining("V<version>__<name>.sql");
    }

    @Test
    void scan_filesLeftAloneOnPurpose_areSkipped() throws Exception {
        write("V1__create_users.sql");
        write("V1__create_users.sql.conf");
        write("U1__create_users.sql");
        write(".gitkeep");
        write("README");
        write("notes.md");
        write("sub/README.txt");
        write("sub/V2__add_email.sql");

        MigrationFiles files = MigrationFiles.scan(List.of(dir));

        assertThat(files.ups())
                .extracting(MigrationFile::fileName)
                .containsExactly("V1__create_users.sql", "V2__add_email.sql");
        assertThat(files.down(new MigrationVersion("1"))).isPresent();
    }

    @Test
    void scan_unreadableMigration_isAnErrorNamingIt() throws Exception {
        assumeFalse(isRoot(), "root reads every file");
        Path file = write("V1__create_users.sql");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));

        assertThatThrownBy(() -> MigrationFiles.scan(List.of(dir)))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("permission denied");
    }

    @Test
    void scan_unreadableDirectory_isAnErrorNamingIt() throws Exception {
        assumeFalse(isRoot(), "root reads every directory");
        write("V1__create_users.sql");
        Path sub = write("sub/V2__add_email.sql").getParent();
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("---------"));
        try {
            assertThatThrownBy(() -> MigrationFiles.scan(List.of(dir)))
                    .isInstanceOf(TaskFailedException.class)
                    .hasMessageContaining(sub.toString())
                    .hasMessageContaining("permission denied");
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void scan_twoFilesOfOneVersion_isAnErrorNamingBoth() throws Exception {
        Path a = write("V1__create_users.sql");
        Path b = write("sub/V1.0__create_people.sql");

        assertThatThrownBy(() -> MigrationFiles.scan(List.of(dir)))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining(a.toString())
                .hasMessageContaining(b.toString());
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name").toLowerCase(Locale.ROOT));
    }
}
