package dev.mdb.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/** Entry point of the {@code mdb} command; the only place that calls {@code System.exit}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        int code = MdbCli.forArguments(args, out, err, System.getenv()).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
