package dev.mdb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @TempDir
    Path lib;

    @AfterEach
    void clearProperties() {
        System.clearProperty("org.sqlite.lib.path");
        System.clearProperty("org.sqlite.lib.name");
    }

    @Test
    void useBundledSqliteLibrary_pointsSqliteJdbcAtTheLibraryForThisPlatform() throws IOException {
        Path directory = Files.createDirectories(lib.resolve("native").resolve(Launcher.platform()));
        Files.write(directory.resolve(Launcher.SQLITE_LIBRARY), new byte[] {0});

        Launcher.useBundledSqliteLibrary(lib);

        boolean musl =
                Files.exists(Path.of("/lib/ld-musl-x86_64.so.1")) || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
        if (!musl) {
            assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(directory.toString());
            assertThat(System.getProperty("org.sqlite.lib.name")).isEqualTo(Launcher.SQLITE_LIBRARY);
        }
    }

    @Test
    void useBundledSqliteLibrary_leavesSqliteJdbcAloneWithoutALibraryForThisPlatform() throws IOException {
        Files.createDirectories(lib.resolve("native").resolve("Plan9-mips"));

        Launcher.useBundledSqliteLibrary(lib);

        assertThat(System.getProperty("org.sqlite.lib.path")).isNull();
    }

    @Test
    void useBundledSqliteLibrary_keepsAPathSetByTheUser() throws IOException {
        Path directory = Files.createDirectories(lib.resolve("native").resolve(Launcher.platform()));
        Files.write(directory.resolve(Launcher.SQLITE_LIBRARY), new byte[] {0});
        System.setProperty("org.sqlite.lib.path", "/opt/sqlite");

        Launcher.useBundledSqliteLibrary(lib);

        assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo("/opt/sqlite");
    }
}
