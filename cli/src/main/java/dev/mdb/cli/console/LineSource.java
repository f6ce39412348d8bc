package dev.mdb.cli.console;

import java.io.IOException;

/**
 * Where the console's input comes from: JLine in interactive mode (whole statements, edited over several lines), a
 * reader for scripts, {@code -c} and piped input (one line at a time).
 */
public interface LineSource extends AutoCloseable {
    /**
     * The next line or edited chunk, without its line break; null at end of input.
     *
     * @param prompt shown when a new statement starts (empty when the source is not {@link #interactive()})
     * @param continuation shown while a statement continues (empty likewise)
     */
    String readLine(String prompt, String continuation) throws IOException;

    /** Whether a person is typing: errors then never end the session, and a banner and prompts are shown. */
    boolean interactive();

    /** Asks the source to call {@code handler} on Ctrl-C while a statement runs (no-op when there is no terminal). */
    default void onInterrupt(Runnable handler) {}

    @Override
    default void close() throws IOException {}
}
