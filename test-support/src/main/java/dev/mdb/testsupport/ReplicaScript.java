package dev.mdb.testsupport;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code scripts/pg-replicas.sh} as {@link PostgresReplicaCluster} uses it: finding it, running it, its cluster.env. */
final class ReplicaScript {
    static final String PATH = "scripts/pg-replicas.sh";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** Exit code and combined output of one run. */
    record Result(int exitCode, String output) {}

    private ReplicaScript() {}

    /** The script in {@code workingDirectory} or the nearest parent that has it. */
    static Optional<Path> find(Path workingDirectory) {
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(PATH);
            if (Files.isRegularFile(script)) {
                return Optional.of(script);
            }
        }
        return Optional.empty();
    }

    /** The {@code KEY=VALUE} lines of a cluster.env. */
    static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(
                        line.substring(0, equals).strip(),
                        line.substring(equals + 1).strip());
            }
        }
        return values;
    }

    /** Runs the script with bash, output and errors to a temporary file (the servers it starts outlive it). */
    static Result run(Path script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Path output = null;
        try {
            output = Files.createTempFile("mdb-pg-replicas", ".out");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(Redirect.from(new File("/dev/null")))
                    .start();
            boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            return finished
                    ? new Result(process.exitValue(), text)
                    : new Result(-1, text + "\n(killed after " + TIMEOUT.toSeconds() + " s)");
        } catch (IOException e) {
            return new Result(-1, "couldn't run " + String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted while running " + String.join(" ", command));
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
