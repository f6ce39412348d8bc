package dev.mdb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tar.gz, as a user gets it: unpacked into a fresh directory and run from elsewhere, directly and through
 * a symlink, with nothing from the build on the path. Runs after {@code package} (Failsafe), so the launcher, the
 * manifest classpath, the recompiled picocli, the bundled SQLite library and the first-run archive recording are all
 * the shipped ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {
    private static final String VERSION = System.getProperty("mdb.version", "");
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    static Path scratch;

    /** Unpacked under a directory whose name has a space, to keep the launcher's quoting honest. */
    private static Path home;

    private static Path elsewhere;

    @BeforeAll
    static void unpack() throws Exception {
        home = unpack(scratch.resolve("install dir"));
        elsewhere = Files.createDirectories(scratch.resolve("somewhere else"));
    }

    private static Path unpack(Path directory) throws Exception {
        Path tarball = Path.of(System.getProperty("mdb.tarball", "target/mdb-" + VERSION + ".tar.gz"));
        assertThat(tarball).as("the distribution built by `mvn package`").isRegularFile();
        Files.createDirectories(directory);
        Result tar =
                run(directory, Map.of(), "tar", "xzf", tarball.toAbsolutePath().toString());
        assertThat(tar.code()).as("tar xzf: %s", tar.err()).isZero();
        return directory.resolve("mdb-" + VERSION);
    }

    @Test
    @Order(1)
    void tarball_holdsLauncherLibrariesCompletionManPageAndTexts() throws IOException {
        assertThat(home.resolve("bin/mdb")).isRegularFile().isExecutable();
        assertThat(home.resolve("lib/mdb.jar")).isRegularFile();
        assertThat(home.resolve("lib/picocli-4.7.7.jar")).isRegularFile();
        assertThat(home.resolve("lib/native/Linux-amd64/" + Launcher.SQLITE_LIBRARY))
                .isRegularFile();
        assertThat(home.resolve("lib/mdb.jsa"))
                .as("archives are tied to the build's paths")
                .doesNotExist();
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(Files.readString(home.resolve("LICENSE")))
                .contains("MIT License", "Copyright (c) 2026 the mdb authors");
        assertThat(Files.readString(home.resolve("completion/mdb.bash")))
                .contains("complete -F _complete_mdb", "db:migrate:status", "COMP_WORDBREAKS");
        assertThat(Files.readString(home.resolve("completion/_mdb"))).startsWith("#compdef mdb\n");
        assertThat(Files.readString(home.resolve("man/man1/mdb.1")))
                .startsWith(".\\\"")
                .contains(
                        ".TH MDB 1", ".SH \"SYNOPSIS\"", "db:migrate", "\\fB\\-\\-database\\fR", ".SH \"EXIT STATUS\"");
    }

    @Test
    @Order(2)
    void binMdbVersion_runsFromAnUnrelatedDirectory() throws Exception {
        Result first = run(elsewhere, Map.of(), home.resolve("bin/mdb").toString(), "--version");

        assertThat(first.code()).as("exit code; stderr: %s", first.err()).isZero();
        assertThat(first.out()).as("stdout stays clean for scripts").isEqualTo("mdb " + VERSION + "\n");
        assertThat(home.resolve("lib/mdb.jsa"))
                .as("first run records the archive")
                .isRegularFile();

        Result second = run(elsewhere, Map.of(), home.resolve("bin/mdb").toString(), "--version");
        assertThat(second.code()).isZero();
        assertThat(second.out()).isEqualTo("mdb " + VERSION + "\n");
        assertThat(second.err()).as("nothing to record any more").isEmpty();
    }

    @Test
    @Order(3)
    void binMdb_runsThroughASymlinkToTheLauncher() throws Exception {
        Path links = Files.createDirectories(scratch.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("mdb"), home.resolve("bin/mdb"));
        Path linkToLink = Files.createSymbolicLink(links.resolve("mdb-again"), Path.of("mdb"));

        Result viaLink = run(elsewhere, Map.of(), link.toString(), "--version");
        Result viaRelativeLink = run(elsewhere, Map.of(), linkToLink.toString(), "--version");

        assertThat(viaLink.code()).as("stderr: %s", viaLink.err()).isZero();
        assertThat(viaLink.out()).isEqualTo("mdb " + VERSION + "\n");
        assertThat(viaRelativeLink.code())
                .as("stderr: %s", viaRelativeLink.err())
                .isZero();
        assertThat(viaRelativeLink.out()).isEqualTo("mdb " + VERSION + "\n");
    }

    /**
     * HotSpot 17 serves no application class from the archive when the jars' path has a space in it (the archive is
     * still recorded and mapped, the classes come from the jars: correct, only slower), so this copy has none.
     */
    @Test
    @Order(4)
    void sqliteTasks_useTheArchiveAndTheBundledNativeLibrary() throws Exception {
        Path plain = unpack(scratch.resolve("plain"));
        Path project = copySample(scratch.resolve("project"));
        Path classLog = scratch.resolve("class-load.log");
        Map<String, String> env = Map.of("MDB_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);

        Result first = run(project, Map.of(), plain.resolve("bin/mdb").toString(), "db:create");
        Result result = run(project, env, plain.resolve("bin/mdb").toString(), "db:migrate", "db:version");

        assertThat(first.code()).as("stderr: %s", first.err()).isZero();
        assertThat(first.err()).contains("recording a class-data-sharing archive");

        assertThat(result.code()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out()).contains("Current version: ");
        String loads = Files.readString(classLog);
        assertThat(loads)
                .as("mdb's classes come from lib/mdb.jsa")
                .containsPattern("dev\\.mdb\\.cli\\.Main source: shared objects file \\(top\\)")
                .containsPattern("picocli\\.CommandLine source: shared objects file \\(top\\)");
        if ("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch"))) {
            assertThat(loads)
                    .as("sqlite-jdbc did not probe the platform to extract its library (it used lib/native)")
                    .contains("org.sqlite.SQLiteJDBCLoader")
                    .doesNotContain("org.sqlite.util.OSInfo ");
        }
    }

    @Test
    @Order(5)
    void bashCompletion_completesTaskNamesWithColons() throws Exception {
        String script = "source \"$1\"; COMP_WORDS=(mdb db:migrate:s); COMP_CWORD=1; COMP_LINE='mdb db:migrate:s';"
                + " COMP_POINT=${#COMP_LINE}; _complete_mdb; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Result result = run(
                elsewhere,
                Map.of(),
                "bash",
                "-c",
                script,
                "bash",
                home.resolve("completion/mdb.bash").toString());

        assertThat(result.code()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out().lines()).contains("db:migrate:status");
    }

    /**
     * The command line serves every engine, so it ships every JDBC driver, although mdb-runtime declares them optional;
     * and each of mdb's jars carries a stable JPMS name (without {@code Automatic-Module-Name} the module path would
     * derive {@code mdb.runtime} from the file name).
     */
    @Test
    @Order(6)
    void lib_shipsEveryJdbcDriverAndNamesEachMdbModule() throws IOException {
        Path lib = home.resolve("lib");
        List<String> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".jar"))
                    .toList();
        }

        assertThat(jars)
                .anyMatch(n -> n.matches("sqlite-jdbc-[0-9.]+\\.jar"))
                .anyMatch(n -> n.matches("postgresql-[0-9.]+\\.jar"))
                .anyMatch(n -> n.matches("mariadb-java-client-[0-9.]+\\.jar"));
        Map<String, String> modules = Map.of(
                "mdb.jar",
                "dev.mdb.dist",
                "mdb-config-" + VERSION + ".jar",
                "dev.mdb.config",
                "mdb-runtime-" + VERSION + ".jar",
                "dev.mdb.runtime",
                "mdb-tasks-" + VERSION + ".jar",
                "dev.mdb.tasks",
                "mdb-cli-" + VERSION + ".jar",
                "dev.mdb.cli");
        assertThat(jars.stream().filter(n -> n.startsWith("mdb")))
                .containsExactlyInAnyOrderElementsOf(modules.keySet());
        modules.forEach((jar, module) -> assertThat(PublishedArtifactsIT.moduleName(lib.resolve(jar)))
                .as("module name of lib/%s", jar)
                .isEqualTo(module));
    }

    /**
     * The pom inside the shipped mdb-runtime jar is the one Maven publishes: each JDBC driver there is optional, so an
     * application that depends on mdb-runtime gets only the drivers it declares itself. mdb-tasks does not pass them on
     * either (it has them for its tests).
     */
    @Test
    @Order(7)
    void runtimeAndTasksJars_passNoJdbcDriverOnToTheirUsers() throws Exception {
        Path lib = home.resolve("lib");
        Map<String, Map<String, String>> runtime =
                PublishedArtifactsIT.dependencies(lib.resolve("mdb-runtime-" + VERSION + ".jar"), "mdb-runtime");
        Map<String, Map<String, String>> tasks =
                PublishedArtifactsIT.dependencies(lib.resolve("mdb-tasks-" + VERSION + ".jar"), "mdb-tasks");

        for (String driver : List.of(
                "org.xerial:sqlite-jdbc", "org.postgresql:postgresql", "org.mariadb.jdbc:mariadb-java-client")) {
            assertThat(runtime.get(driver))
                    .as("mdb-runtime's dependency on %s", driver)
                    .containsEntry("optional", "true");
            assertThat(tasks.getOrDefault(driver, Map.of()))
                    .as("mdb-tasks' dependency on %s", driver)
                    .satisfiesAnyOf(
                            d -> assertThat(d).isEmpty(),
                            d -> assertThat(d).containsEntry("optional", "true"),
                            d -> assertThat(d).containsEntry("scope", "test"));
        }
    }

    private static Path copySample(Path target) throws IOException {
        Path sample = Path.of(System.getProperty("mdb.sample", "../migrations-sample"));
        for (String dir : List.of("config", "db")) {
            try (Stream<Path> files = Files.walk(sample.resolve(dir))) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(sample.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
        }
        return target;
    }

    private static Result run(Path cwd, Map<String, String> env, String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(cwd.toFile());
        Map<String, String> environment = builder.environment();
        for (String name : List.of("MDB_ENV", "DATABASE_URL", "MDB_JAVA_OPTS", "MDB_CDS", "CDPATH")) {
            environment.remove(name);
        }
        environment.putAll(env);
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", argv) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {}
}
