package dev.mdb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code mdb} in-process, as jbang's {@code checkedRun} does, and captures exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code args} with {@code environment} standing for the process environment. */
    static CliRun run(Map<String, String> environment, String... args) {
        StringWriter outBuf = new StringWriter();
        StringWriter errBuf = new StringWriter();
        int code;
        try (PrintWriter out = new PrintWriter(outBuf);
                PrintWriter err = new PrintWriter(errBuf)) {
            code = MdbCli.newCommandLine(out, err, environment).execute(args);
        }
        return new CliRun(code, outBuf.toString(), errBuf.toString());
    }

    /** Runs {@code mdb -C project args...} with an empty environment. */
    static CliRun in(Path project, String... args) {
        return in(project, Map.of(), args);
    }

    /** Runs {@code mdb -C project args...} with {@code environment}. */
    static CliRun in(Path project, Map<String, String> environment, String... args) {
        List<String> all = new ArrayList<>();
        all.add("-C");
        all.add(project.toString());
        all.addAll(List.of(args));
        return run(environment, all.toArray(String[]::new));
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** For assertion messages. */
    String describe() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
