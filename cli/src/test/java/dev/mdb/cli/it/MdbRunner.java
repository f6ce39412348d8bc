package dev.mdb.cli.it;

import dev.mdb.cli.MdbCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs {@code mdb -C <project> ARGS...} in-process with a fixed environment, as jbang's {@code checkedRun} does. */
final class MdbRunner {
    private final Path projectDir;
    private final Map<String, String> environment;

    MdbRunner(Path projectDir, Map<String, String> environment) {
        this.projectDir = projectDir;
        this.environment = Map.copyOf(environment);
    }

    MdbResult run(String... args) {
        return run(new StringWriter(), new StringWriter(), args);
    }

    /** Starts the run on a thread of its own; its stderr can be read while it runs. */
    Background start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        FutureTask<MdbResult> task = new FutureTask<>(() -> run(out, err, args));
        Thread thread = new Thread(task, "mdb " + String.join(" ", args));
        thread.setDaemon(true);
        thread.start();
        return new Background(task, err);
    }

    private MdbResult run(StringWriter out, StringWriter err, String... args) {
        List<String> argv = new ArrayList<>(List.of("-C", projectDir.toString()));
        argv.addAll(List.of(args));
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out, true);
                PrintWriter errWriter = new PrintWriter(err, true)) {
            exitCode = MdbCli.newCommandLine(outWriter, errWriter, environment).execute(argv.toArray(String[]::new));
        }
        return new MdbResult(exitCode, out.toString(), err.toString());
    }

    /** A run in progress. */
    static final class Background {
        private final FutureTask<MdbResult> task;
        private final StringWriter err;

        private Background(FutureTask<MdbResult> task, StringWriter err) {
            this.task = task;
            this.err = err;
        }

        /** What the run has written to stderr so far. */
        String errSoFar() {
            return err.toString();
        }

        /** The run's result; fails if it takes longer than {@code limit}. */
        MdbResult result(Duration limit) throws Exception {
            try {
                return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError(
                        "mdb still running after " + limit.toSeconds() + " s; stderr so far:\n" + errSoFar(), e);
            }
        }
    }
}
