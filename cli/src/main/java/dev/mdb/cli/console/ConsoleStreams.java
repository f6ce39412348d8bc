package dev.mdb.cli.console;

import dev.mdb.cli.output.Terminals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Where {@code mdb console} reads input and, in interactive mode, draws its terminal: the process's own terminal and
 * standard input, or (tests) given streams behind a dumb JLine terminal.
 *
 * @param in input for piped statements and for the terminal built on streams
 * @param terminalOut where a terminal built on streams writes prompts and results
 * @param systemStreams whether these are the process's standard streams (then the system terminal is used)
 */
public record ConsoleStreams(InputStream in, OutputStream terminalOut, boolean systemStreams) {

    /** The process's standard input and terminal. */
    public static ConsoleStreams system() {
        return new ConsoleStreams(System.in, System.out, true);
    }

    /** Given streams; interactive mode then runs on a dumb terminal over them (for tests and embedding). */
    public static ConsoleStreams of(InputStream in, OutputStream terminalOut) {
        return new ConsoleStreams(in, terminalOut, false);
    }

    /** Whether a person is at the keyboard: standard input and output are a terminal. */
    public boolean isTerminal() {
        return systemStreams && Terminals.interactive();
    }

    /** The terminal for interactive mode. */
    public Terminal terminal() throws IOException {
        if (systemStreams) {
            return TerminalBuilder.builder().system(true).dumb(true).build();
        }
        return new DumbTerminal("mdb", Terminal.TYPE_DUMB, in, terminalOut, StandardCharsets.UTF_8);
    }
}
