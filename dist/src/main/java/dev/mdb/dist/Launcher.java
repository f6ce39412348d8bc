package dev.mdb.dist;

import dev.mdb.cli.Main;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The entry point of {@code bin/mdb}: before the CLI starts, points sqlite-jdbc at the native library the build
 * extracted into {@code lib/native/<os.name>-<os.arch>/} when one exists for this platform. Without it, sqlite-jdbc
 * copies its library out of its jar into the temp directory on every start (a directory listing, a file write, a
 * {@code uname} process and a random file name: tens of milliseconds). Anywhere else, sqlite-jdbc's own extraction
 * runs as usual.
 */
public final class Launcher {
    /** The library's file name inside {@code lib/native/<platform>/}, as sqlite-jdbc names it on Linux. */
    static final String SQLITE_LIBRARY = "libsqlitejdbc.so";

    private Launcher() {}

    public static void main(String[] args) {
        useBundledSqliteLibrary(libDirectory());
        Main.main(args);
    }

    /**
     * Sets {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} when {@code lib/native/<platform>/} holds the
     * library for this JVM's platform, unless they are set already (e.g. in {@code MDB_JAVA_OPTS}). sqlite-jdbc falls
     * back to its own extraction when loading that file fails.
     */
    static void useBundledSqliteLibrary(Path lib) {
        if (lib == null || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        Path directory = lib.resolve("native").resolve(platform());
        if (Files.isRegularFile(directory.resolve(SQLITE_LIBRARY)) && !musl()) {
            System.setProperty("org.sqlite.lib.path", directory.toString());
            System.setProperty("org.sqlite.lib.name", SQLITE_LIBRARY);
        }
    }

    /** The directory name of this platform's native libraries, e.g. {@code Linux-amd64}. */
    static String platform() {
        return System.getProperty("os.name") + "-" + System.getProperty("os.arch");
    }

    /** The bundled library links against glibc; a musl system (Alpine) needs sqlite-jdbc's Linux-Musl build. */
    private static boolean musl() {
        String arch = System.getProperty("os.arch");
        String loader = "/lib/ld-musl-" + ("amd64".equals(arch) ? "x86_64" : arch) + ".so.1";
        return Files.exists(Path.of(loader));
    }

    /** The directory holding the jar this class was loaded from ({@code lib/}), or null when run from classes. */
    static Path libDirectory() {
        CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? location.getParent() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
