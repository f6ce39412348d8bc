package dev.mdb.cli.output;

import dev.mdb.tasks.Reporter;
import java.io.PrintWriter;

/** A {@link Reporter} writing lines to the command line's out and err writers. */
public final class WriterReporter implements Reporter {
    private final PrintWriter out;
    private final PrintWriter err;

    public WriterReporter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void out(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void err(String line) {
        err.println(line);
        err.flush();
    }
}
