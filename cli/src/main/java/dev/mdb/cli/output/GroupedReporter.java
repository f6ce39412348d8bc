package dev.mdb.cli.output;

import dev.mdb.tasks.Reporter;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Reporter} that, on a thread working for one database of a parallel run, collects the lines instead of
 * writing them, so the run can print each database's output as one group, in config order.
 */
public final class GroupedReporter implements Reporter {
    private final Reporter target;
    private final ThreadLocal<List<Line>> buffer = new ThreadLocal<>();
    private final ThreadLocal<String> database = new ThreadLocal<>();
    private volatile Progress progress = Progress.NONE;

    public GroupedReporter(Reporter target) {
        this.target = target;
    }

    /** One collected line, for stdout or stderr. */
    public record Line(boolean err, String text) {}

    @Override
    public void out(String line) {
        List<Line> lines = buffer.get();
        if (lines == null) {
            target.out(line);
        } else {
            lines.add(new Line(false, line));
            if (line.startsWith("== ") && line.contains(": migrating")) {
                progress.step(database.get(), line.substring(3, line.indexOf(": migrating")));
            }
        }
    }

    @Override
    public void err(String line) {
        List<Line> lines = buffer.get();
        if (lines == null) {
            target.err(line);
        } else {
            lines.add(new Line(true, line));
        }
    }

    /** Starts collecting on this thread, for {@code databaseName}. */
    public void collect(String databaseName) {
        buffer.set(new ArrayList<>());
        database.set(databaseName);
        progress.started(databaseName);
    }

    /** Shows the running databases' steps in {@code display} until it closes. */
    public void showProgress(Progress display) {
        this.progress = display;
    }

    /** Stops collecting on this thread and returns what was collected. */
    public List<Line> drain() {
        List<Line> lines = buffer.get();
        buffer.remove();
        database.remove();
        return lines == null ? List.of() : lines;
    }

    /** Writes collected lines through to the real output. */
    public void print(List<Line> lines) {
        for (Line line : lines) {
            if (line.err()) {
                target.err(line.text());
            } else {
                target.out(line.text());
            }
        }
    }
}
