package dev.mdb.cli.it;

import dev.mdb.cli.MdbCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code mdb -C <project> ARGS...} in-process with a fixed environment, as jbang's {@code checkedRun} does. */
final class MdbRunner {
    private final Path projectDir;
    private final Map<String, String> environment;

    MdbRunner(Path projectDir, Map<String, String> environment) {
        this.projectDir = projectDir;
        this.environment = Map.copyOf(environment);
    }

    MdbResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> argv = new ArrayList<>(List.of("-C", projectDir.toString()));
        argv.addAll(List.of(args));
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out, true);
                PrintWriter errWriter = new PrintWriter(err, true)) {
            exitCode = MdbCli.newCommandLine(outWriter, errWriter, environment).execute(argv.toArray(String[]::new));
        }
        return new MdbResult(exitCode, out.toString(), err.toString());
    }
}
