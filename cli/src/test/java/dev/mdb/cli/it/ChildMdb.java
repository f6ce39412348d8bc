package dev.mdb.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code mdb} in a JVM of its own ({@code dev.mdb.cli.Main} on the test JVM's class path), for tests that kill it with
 * SIGKILL: a real crash, which ends its processes' connections the way a killed deploy does.
 */
final class ChildMdb implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildMdb(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code mdb -C <project> ARGS...}; its output goes to files in {@code logDir}. */
    static ChildMdb start(Path project, Path logDir, String... args) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-C", project.toString()));
        arguments.addAll(List.of(args));
        return startMain("dev.mdb.cli.Main", logDir, arguments);
    }

    /** Starts the {@code main} of {@code mainClass} (on the test class path) with {@code args}. */
    static ChildMdb startMain(String mainClass, Path logDir, List<String> args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        Files.createDirectories(logDir);
        Path out = Files.createTempFile(logDir, "mdb-child", ".out");
        Path err = Files.createTempFile(logDir, "mdb-child", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(SampleProject.ENVIRONMENT);
        return new ChildMdb(builder.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    /** What the process wrote to stdout so far. */
    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL (Process.destroyForcibly on Unix), then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("mdb child process " + process.pid() + " survived SIGKILL for 30 s");
        }
    }

    /** What the process wrote so far, for assertion messages. */
    String describe() {
        try {
            return "mdb child pid " + process.pid()
                    + (process.isAlive() ? " (running)" : " exit " + process.exitValue())
                    + "\n--- stdout ---\n" + Files.readString(out, StandardCharsets.UTF_8) + "--- stderr ---\n"
                    + Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "mdb child pid " + process.pid() + " (output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
