package dev.mdb.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/** Entry point of the {@code mdb} command; the only place that calls {@code System.exit}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        // Results are flushed by whoever writes them when timing matters (reporters, the interactive console) and
        // at exit; no flush per line, so a script piped through `mdb console` costs no write per row.
        PrintWriter out = new PrintWriter(
                new java.io.BufferedWriter(new java.io.OutputStreamWriter(System.out, charset), 1 << 16), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        int code = MdbCli.forArguments(args, out, err, System.getenv()).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
