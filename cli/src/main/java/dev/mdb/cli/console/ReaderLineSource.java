package dev.mdb.cli.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

/** Lines of a script file, a {@code -c} argument or piped standard input; never interactive. */
public final class ReaderLineSource implements LineSource {
    private final BufferedReader reader;

    public ReaderLineSource(BufferedReader reader) {
        this.reader = reader;
    }

    /** The lines of {@code text} (for {@code -c}). */
    public static ReaderLineSource of(String text) {
        return new ReaderLineSource(new BufferedReader(new StringReader(text)));
    }

    @Override
    public String readLine(String prompt, String continuation) throws IOException {
        return reader.readLine();
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
