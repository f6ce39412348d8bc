package dev.mdb.cli.output;

import dev.mdb.tasks.TaskProgress;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A live one-line progress display on stderr for work over several databases: databases done/total, failures, and
 * what each running database is doing (its current migration). Only on a terminal; {@link #NONE} otherwise.
 */
public class Progress implements TaskProgress {
    /** No display (piped output, {@code -q}, one database). */
    public static final Progress NONE = new Progress();

    private final PrintWriter err;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<String, String> running = new ConcurrentHashMap<>();
    private final Thread ticker;
    private volatile boolean open = true;

    private Progress() {
        this.err = null;
        this.total = 0;
        this.ticker = null;
    }

    private Progress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
        this.ticker = new Thread(this::tick, "mdb-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** A display when stderr is an interactive terminal and output is not quiet, else {@link #NONE}. */
    public static Progress start(PrintWriter err, int total, boolean quiet) {
        boolean terminal =
                Terminals.interactive() && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
        return terminal && !quiet && total > 1 ? new Progress(err, total) : NONE;
    }

    @Override
    public void started(String database) {
        if (this != NONE) {
            running.put(database, "");
        }
    }

    @Override
    public void step(String database, String what) {
        if (this != NONE && running.containsKey(database)) {
            running.put(database, what);
        }
    }

    @Override
    public void finished(String database, boolean failure) {
        if (this != NONE) {
            running.remove(database);
            done.incrementAndGet();
            if (failure) {
                failed.incrementAndGet();
            }
        }
    }

    private void tick() {
        while (open) {
            String current = running.entrySet().stream()
                    .limit(3)
                    .map(e -> e.getKey() + (e.getValue().isEmpty() ? "" : " " + e.getValue()))
                    .collect(Collectors.joining(", "));
            String line = "[" + done.get() + "/" + total + " databases"
                    + (failed.get() > 0 ? ", " + failed.get() + " failed" : "") + "] " + current;
            synchronized (err) {
                err.print("\r\033[K" + (line.length() > 118 ? line.substring(0, 117) + "…" : line));
                err.flush();
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Runs {@code print} (output of a finished database) with the display line cleared; the next tick redraws it. */
    @Override
    public void clearWhile(Runnable print) {
        if (this == NONE) {
            print.run();
            return;
        }
        synchronized (err) {
            err.print("\r\033[K");
            err.flush();
            print.run();
        }
    }

    /** Removes the display line. */
    @Override
    public void close() {
        if (this == NONE || !open) {
            return;
        }
        open = false;
        ticker.interrupt();
        try {
            ticker.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (err) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
