package dev.mdb.cli.console;

import dev.mdb.config.MdbException;
import dev.mdb.runtime.ReadOnlyViolationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The console's read-eval-print loop, independent of any terminal: reads from a {@link LineSource}, splits statements
 * at {@code ;}, runs them on a {@link ConsoleConnection} and meta-commands through {@link MetaCommands}, and prints to
 * two writers. Interactive sessions survive every error; scripts stop at the first one unless told to continue.
 */
public final class ConsoleSession {
    private final ConsoleConnection connection;
    private final LineSource source;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean stopOnError;
    private final StatementRunner runner = new StatementRunner();
    private final MetaCommands metaCommands;
    private final StatementSplitter splitter;
    private Runnable schemaChanged = () -> {};
    private boolean timing;
    private boolean expanded;
    private boolean inTransaction;
    private boolean quit;
    private boolean quietBanner;

    /** {@code stopOnError} applies to scripts only: an interactive session never stops on an error. */
    public ConsoleSession(
            ConsoleConnection connection, LineSource source, PrintWriter out, PrintWriter err, boolean stopOnError) {
        this.connection = connection;
        this.source = source;
        this.out = out;
        this.err = err;
        this.stopOnError = stopOnError && !source.interactive();
        this.metaCommands = new MetaCommands(this);
        this.splitter = new StatementSplitter(connection.engine().dialect());
    }

    /** Called after a route switch or a schema change (the completer's cache listens). */
    public void onSchemaChange(Runnable listener) {
        this.schemaChanged = listener;
    }

    /** {@code -q}: no banner in interactive mode. */
    public void quietBanner(boolean quiet) {
        this.quietBanner = quiet;
    }

    /**
     * Runs until end of input, {@code \q}/{@code exit}, or (scripts) the first error.
     *
     * @return 0, or 1 when a script statement or meta-command failed
     */
    public int run() {
        source.onInterrupt(runner::cancel);
        if (source.interactive() && !quietBanner) {
            printBanner();
        }
        boolean failed = false;
        boolean prompts = source.interactive();
        try {
            while (!quit) {
                // Prompts resolve the route: only worth it when someone sees them.
                String continuation = prompts ? connection.continuationPrompt() : "";
                String prompt = prompts && splitter.isComplete() ? connection.prompt() : continuation;
                String line = source.readLine(prompt, continuation);
                if (line == null) {
                    break;
                }
                if (splitter.isComplete() && MetaCommand.isQuitWord(line)) {
                    break;
                }
                for (Piece piece : splitter.feedLine(line)) {
                    failed |= !execute(piece);
                    if (quit || (failed && stopOnError)) {
                        return exitCode(failed);
                    }
                }
            }
            String rest = quit ? null : splitter.takeRemainder();
            if (rest != null) {
                failed |= !execute(Piece.sql(rest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.flush();
            err.flush();
        }
        return exitCode(failed);
    }

    private int exitCode(boolean failed) {
        return failed && !source.interactive() ? 1 : 0;
    }

    private void printBanner() {
        out.println("mdb console: " + connection.label() + " on " + connection.target()
                + (connection.writesPrevented() ? "; writes are prevented" : "") + ".");
        out.println("Type \\? for help, \\q or Ctrl-D to quit.");
        out.flush();
    }

    /** Runs one piece; false when it failed. */
    private boolean execute(Piece piece) {
        return piece.kind() == Piece.Kind.META ? metaCommands.run(piece.text()) : executeSql(piece.text());
    }

    private boolean executeSql(String sql) {
        try {
            if (connection.reconnect()) {
                err.println("mdb: reconnected to " + connection.target() + ".");
                err.flush();
            }
        } catch (MdbException e) {
            return fail(e.getMessage());
        }
        long start = System.nanoTime();
        try {
            runner.run(connection.connection(), sql, out, expanded);
            if (source.interactive()) {
                // A script's output is flushed at the end and before each error message (fail), like psql's.
                out.flush();
            }
            track(sql);
            return true;
        } catch (ReadOnlyViolationException e) {
            return fail(Messages.oneLine(e.getMessage()));
        } catch (SQLException e) {
            boolean lost = lost(e);
            fail(Messages.engineMessage(e) + " (" + connection.mdb().topology().env() + "/" + connection.entry()
                    + " at " + connection.location() + ")");
            if (lost) {
                connection.markLost();
                fail("the connection to " + connection.target() + " was lost; mdb reconnects on the next statement.");
            }
            return false;
        } finally {
            if (timing) {
                out.println(String.format(Locale.ROOT, "Time: %.3f ms", (System.nanoTime() - start) / 1e6));
                out.flush();
            }
        }
    }

    private boolean lost(SQLException e) {
        if (Messages.connectionLost(e)) {
            return true;
        }
        try {
            return connection.connection().isClosed();
        } catch (SQLException closed) {
            return true;
        }
    }

    /** Follows BEGIN/COMMIT/ROLLBACK typed as SQL, so routes are switched only between transactions. */
    private void track(String sql) {
        List<String> words = StatementRunner.leadingWords(sql, 1);
        String verb = words.isEmpty() ? "" : words.get(0);
        switch (verb) {
            case "BEGIN", "START" -> inTransaction = true;
            case "COMMIT", "END", "ABORT" -> inTransaction = false;
            case "ROLLBACK" -> inTransaction = rollbackToSavepoint(sql) && inTransaction;
            case "CREATE", "DROP", "ALTER" -> schemaChanged.run();
            default -> {
                // no transaction or schema change
            }
        }
    }

    private static boolean rollbackToSavepoint(String sql) {
        List<String> words = StatementRunner.leadingWords(sql, 2);
        return words.size() > 1 && words.get(1).equals("TO");
    }

    /** Prints {@code mdb: message} on stderr; returns false for the caller's convenience. */
    boolean fail(String message) {
        out.flush();
        err.println("mdb: " + message);
        err.flush();
        return false;
    }

    ConsoleConnection connection() {
        return connection;
    }

    PrintWriter out() {
        return out;
    }

    boolean inTransaction() {
        return inTransaction;
    }

    boolean timing() {
        return timing;
    }

    void timing(boolean on) {
        timing = on;
    }

    boolean expanded() {
        return expanded;
    }

    void expanded(boolean on) {
        expanded = on;
    }

    void quit() {
        quit = true;
    }

    /** After a route switch: the engine may differ, and the completer's names are stale. */
    void routeChanged() {
        if (splitter.isComplete()) {
            splitter.dialect(connection.engine().dialect());
        }
        schemaChanged.run();
    }
}
