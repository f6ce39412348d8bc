package dev.mdb.tasks.schema;

import dev.mdb.config.Causes;
import dev.mdb.tasks.TaskFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An engine tool (pg_dump, psql, mysqldump, mysql, sqlite3) to run: secrets travel only in {@code environment} or an
 * option file, never in {@code argv}; stdin/stdout may be files.
 */
public record ExternalCommand(
        List<String> argv, Map<String, String> environment, Path stdinFile, Path stdoutFile, Path tempFile) {

    public ExternalCommand {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    /** Runs it; a missing binary or a non-zero exit is a {@link TaskFailedException} naming the tool and why. */
    public void run(String purpose) {
        String tool = argv.get(0);
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(environment);
        if (stdinFile != null) {
            pb.redirectInput(stdinFile.toFile());
        }
        if (stdoutFile != null) {
            pb.redirectOutput(stdoutFile.toFile());
        }
        try {
            Process process = pb.start();
            process.getOutputStream().close();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            String stdout = stdoutFile == null
                    ? new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    : "";
            int exit = process.waitFor();
            if (exit != 0) {
                String detail = (stderr.isBlank() ? stdout : stderr)
                        .lines()
                        .filter(l -> !l.isBlank())
                        .limit(3)
                        .collect(Collectors.joining(" "));
                throw new TaskFailedException(tool + " failed to " + purpose + " (exit " + exit + "): " + detail
                        + (detail.contains("version mismatch")
                                ? ". Install a " + tool + " matching the server version, or use schema_format: sql."
                                : ""));
            }
        } catch (IOException e) {
            throw new TaskFailedException(
                    "can't run " + tool + " to " + purpose + ": " + Causes.of(e) + ". Install it (PATH="
                            + System.getenv("PATH") + ") or use schema_format: sql, mdb's own dumper.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException("interrupted while running " + tool, e);
        } finally {
            if (tempFile != null) {
                tempFile.toFile().delete();
            }
        }
    }

    /** argv for messages: the tool and its arguments (which never hold a secret). */
    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
