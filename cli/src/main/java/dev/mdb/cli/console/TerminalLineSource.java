package dev.mdb.cli.console;

import dev.mdb.runtime.sql.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Interactive input through JLine: multi-line statements (Enter continues until {@code ;}), a history file of
 * statements only ({@link ConsoleHistory}), tab completion ({@link SqlCompleter}), Ctrl-C clears the line being typed
 * or cancels the running statement, Ctrl-D quits.
 */
public final class TerminalLineSource implements LineSource {
    private final Terminal terminal;
    private final LineReader reader;

    /** {@code historyFile} null keeps history in memory only. */
    public TerminalLineSource(Terminal terminal, Path historyFile, SqlCompleter completer, Supplier<Dialect> dialect) {
        this.terminal = terminal;
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("mdb")
                .parser(new SqlLineParser(dialect))
                .completer(completer)
                .history(new ConsoleHistory())
                .variable(LineReader.BLINK_MATCHING_PAREN, 0)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.INSERT_TAB, false);
        if (historyFile != null) {
            ConsoleHistory.createPrivately(historyFile);
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        this.reader = builder.build();
    }

    /** The terminal's writer, where results go so they interleave with prompts. */
    public Terminal terminal() {
        return terminal;
    }

    @Override
    public String readLine(String prompt, String continuation) {
        reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, escape(continuation));
        try {
            return reader.readLine(escape(prompt));
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void onInterrupt(Runnable handler) {
        terminal.handle(Terminal.Signal.INT, signal -> handler.run());
    }

    @Override
    public void close() throws IOException {
        reader.getHistory().save();
    }

    /** JLine expands {@code %} sequences in prompts. */
    private static String escape(String prompt) {
        return prompt.replace("%", "%%");
    }
}
