package dev.mdb.cli.output;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Serialises result documents (maps and lists) for {@code --format json}; never hand-built strings. */
public final class Json {
    private static final JSON PRETTY = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    private Json() {}

    public static String write(Object document) {
        try {
            return PRETTY.asString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
