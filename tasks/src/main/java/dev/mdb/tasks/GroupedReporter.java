package dev.mdb.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Reporter} that, on a thread working for one database of a parallel run, collects the lines instead of
 * writing them, so the run can print each database's output as one group, in config order.
 */
final class GroupedReporter implements Reporter {
    /** What the current thread collects, and for which reporter (worker threads belong to one run). */
    private static final ThreadLocal<Collection> COLLECTING = new ThreadLocal<>();

    private final Reporter target;
    private volatile TaskProgress progress = TaskProgress.NONE;

    GroupedReporter(Reporter target) {
        this.target = target;
    }

    /** One collected line, for stdout or stderr. */
    record Line(boolean err, String text) {}

    private record Collection(GroupedReporter owner, String database, List<Line> lines) {}

    private Collection collection() {
        Collection collection = COLLECTING.get();
        return collection != null && collection.owner() == this ? collection : null;
    }

    @Override
    public void out(String line) {
        Collection collection = collection();
        if (collection == null) {
            target.out(line);
        } else {
            collection.lines().add(new Line(false, line));
            if (line.startsWith("== ") && line.contains(": migrating")) {
                progress.step(collection.database(), line.substring(3, line.indexOf(": migrating")));
            }
        }
    }

    @Override
    public void err(String line) {
        Collection collection = collection();
        if (collection == null) {
            target.err(line);
        } else {
            collection.lines().add(new Line(true, line));
        }
    }

    /** On a worker thread the status goes to the progress display only (collected lines print too late for it). */
    @Override
    public void status(String line) {
        Collection collection = collection();
        if (collection == null) {
            target.status(line);
        } else {
            progress.step(collection.database(), line);
        }
    }

    /** Starts collecting on this thread, for {@code databaseName}. */
    void collect(String databaseName) {
        COLLECTING.set(new Collection(this, databaseName, new ArrayList<>()));
        progress.started(databaseName);
    }

    /** Shows the running databases' steps in {@code display} until it closes. */
    void showProgress(TaskProgress display) {
        this.progress = display;
    }

    /** Stops collecting on this thread and returns what was collected. */
    List<Line> drain() {
        Collection collection = collection();
        COLLECTING.remove();
        return collection == null ? List.of() : collection.lines();
    }

    /** Writes collected lines through to the real output. */
    void print(List<Line> lines) {
        for (Line line : lines) {
            if (line.err()) {
                target.err(line.text());
            } else {
                target.out(line.text());
            }
        }
    }
}
